// vis-timeline draws an item the moment it joins a row (Group.add shows it at once) and then
// reads the item's size back from the DOM, so adding the demo day's ~580 items forced ~580
// separate layouts of the page (~1.2 s of Chromium's main thread, measured with the `screen`
// bench's trace). Two changes to vis-timeline 8.5's internals remove them:
//  - an item joining a row waits for the row's next redraw, which draws every new item of the
//    row in one batch (create and append all, then measure): the row is marked to restack, so
//    nothing is left undrawn;
//  - an item that says how tall it is (`fixedHeight`, matched by the CSS) is not measured at
//    all: its width comes from its times, and nothing in it overflows (the library's own CSS
//    clips the frame and keeps the content on one line).
// Both are applied once, and only to the prototypes they were written against: if a later
// vis-timeline renames them, the timeline works as before, only slower.
// The standalone build exports its internals as `timeline`, which its type declarations leave out.
import * as visTimeline from 'vis-timeline/standalone';

interface ItemLike {
  data: { fixedHeight?: number };
  overflow: boolean;
  whiteSpace: boolean;
}
interface GroupLike {
  items: Record<string, unknown>;
  stackDirty: boolean;
  _addToSubgroup(item: { data: { subgroup?: unknown } }): void;
  orderSubgroups(): void;
}
type Sizes = { content: { width: number }; box?: { height: number } };
type Internals = {
  components: {
    Group: { prototype: GroupLike & { add(item: unknown): void } };
    items: {
      RangeItem: { prototype: ItemLike & { _getDomComponentsSizes(): Sizes } };
      BackgroundItem: { prototype: ItemLike & { _getDomComponentsSizes(): Sizes } };
    };
  };
};

let applied = false;

export function batchTimelineDrawing(): void {
  if (applied) return;
  applied = true;
  const { Group, items } = (visTimeline as unknown as { timeline: Internals }).timeline.components;
  if (typeof Group?.prototype.add === 'function') {
    Group.prototype.add = function add(this: GroupLike, item: { id: string; data: { subgroup?: unknown }; setParent(group: unknown): void }) {
      this.items[item.id] = item;
      item.setParent(this);
      this.stackDirty = true; // the next redraw finds the item in range and draws it with the rest
      if (item.data.subgroup !== undefined) {
        this._addToSubgroup(item);
        this.orderSubgroups();
      }
    };
  }
  for (const Item of [items?.RangeItem, items?.BackgroundItem]) {
    const measure = Item?.prototype._getDomComponentsSizes;
    if (typeof measure !== 'function') continue;
    Item.prototype._getDomComponentsSizes = function sizes(this: ItemLike): Sizes {
      const height = this.data.fixedHeight;
      if (typeof height !== 'number') return measure.call(this);
      this.overflow = false;
      this.whiteSpace = false;
      return { content: { width: 0 }, box: { height } };
    };
  }
}
