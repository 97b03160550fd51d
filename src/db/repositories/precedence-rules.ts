// SQL for precedence rules. '*' in the API is NULL in the before/after type columns, so the
// foreign keys can check every named type.
import type { PrecedenceRule, PrecedenceRuleCreate, PrecedenceRuleUpdate } from '../../domain/precedence-rule.ts';
import type { RowCodec } from '../row-codec.ts';
import { createRowCodec } from '../row-codec.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

const plain = createRowCodec({ rename: { before: 'before_type_id', after: 'after_type_id' } });

const codec: RowCodec = {
  toRow(doc) {
    const starToNull = (v: unknown) => (v === '*' ? null : v);
    return plain.toRow({
      ...doc,
      ...('before' in doc ? { before: starToNull(doc.before) } : {}),
      ...('after' in doc ? { after: starToNull(doc.after) } : {}),
    });
  },
  fromRow(row) {
    const doc = plain.fromRow(row);
    return { ...doc, before: doc.before ?? '*', after: doc.after ?? '*' };
  },
};

export const precedenceRules = centreScopedRepository<PrecedenceRule, PrecedenceRuleCreate, PrecedenceRuleUpdate>({
  table: 'precedence_rules',
  codec,
  orderBy: ['created_at', 'id'],
});
