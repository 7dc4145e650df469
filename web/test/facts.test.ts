import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupByTopic } from '../src/facts';
import type { Fact } from '../src/types';

describe('groupByTopic', () => {
  it('groups every fact once, in reading order', () => {
    const url = new URL('../test-fixtures/facts.json', import.meta.url);
    const facts = (JSON.parse(readFileSync(url, 'utf8')) as { items: Fact[] }).items;
    const groups = groupByTopic(facts);
    expect(groups.map((g) => g.topic)).toEqual(['cultivation', 'eradication', 'transit', 'seizures', 'institution', 'cooperation']);
    expect(groups.reduce((n, g) => n + g.facts.length, 0)).toBe(facts.length);
    expect(groups.find((g) => g.topic === 'seizures')?.facts.length).toBe(44);
  });

  it('puts a topic it does not know last', () => {
    const fact = (topic: string): Fact => ({ fact_id: topic, topic, statement: '', year: null, quantity: null, unit: null, place: null, source_url: null, notes: null });
    expect(groupByTopic([fact('zzz'), fact('transit')]).map((g) => g.topic)).toEqual(['transit', 'zzz']);
  });
});
