/*
 * libical's own RFC 5545 / iTIP (RFC 5546) check of an iCalendar stream on stdin: parse it,
 * run icalrestriction_check (the per-METHOD property rules, e.g. PUBLISH needs ORGANIZER on
 * every VEVENT), and print each X-LIC-ERROR libical attached, one per line. Exit 0 when there
 * are none, 1 when there are, 2 when the text does not parse at all.
 * Built by test/helpers/libical-validate.ts with: cc ical-validate.c $(pkg-config --cflags --libs libical)
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static int report(icalcomponent *comp) {
  int errors = 0;
  for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property(comp, ICAL_XLICERROR_PROPERTY)) {
    printf("%s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(comp)), icalproperty_get_xlicerror(p));
    errors++;
  }
  for (icalcomponent *c = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component(comp, ICAL_ANY_COMPONENT)) {
    errors += report(c);
  }
  return errors;
}

int main(void) {
  size_t size = 0, cap = 1 << 16;
  char *text = malloc(cap);
  size_t n;
  while ((n = fread(text + size, 1, cap - size - 1, stdin)) > 0) {
    size += n;
    if (cap - size < 2) text = realloc(text, cap *= 2);
  }
  text[size] = '\0';
  icalcomponent *calendar = icalparser_parse_string(text);
  if (calendar == NULL) {
    printf("unparsable: %s\n", icalerror_strerror(icalerrno));
    return 2;
  }
  icalrestriction_check(calendar);
  int errors = report(calendar);
  icalcomponent_free(calendar);
  free(text);
  return errors == 0 ? 0 : 1;
}
