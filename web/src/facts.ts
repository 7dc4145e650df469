// Drug-trade facts grouped by topic for display; topics in a reading order, unknown ones last.
import type { Fact } from './types';

const TOPIC_ORDER = ['cultivation', 'eradication', 'transit', 'seizures', 'institution', 'cooperation'];

export function groupByTopic(facts: Fact[]): Array<{ topic: string; facts: Fact[] }> {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) groups.set(fact.topic, [...(groups.get(fact.topic) ?? []), fact]);
  const rank = (topic: string): number => {
    const index = TOPIC_ORDER.indexOf(topic);
    return index < 0 ? TOPIC_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([topic, list]) => ({ topic, facts: list }));
}
