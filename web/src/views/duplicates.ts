// The Duplicates panel of the Links screen: candidate duplicates (GET /api/v1/graph/duplicates,
// as `ordo graph dedupe`) with score and explanation, a Merge button on each for analysts and
// admins, and the merges recorded (GET /api/v1/graph/merges) with an Unmerge button on those in
// force. After a merge or an unmerge it tells the screen, which reads the graph's counts again and
// redraws the link chart (the merged-away entity gives way to the kept one, an unmerge brings it back).
import { currentSession, requestJson } from '../api';
import { h } from '../dom';
import { formatDecimal, formatInteger } from '../format';
import { errorBox, type Ctx } from '../components/common';

export const DUPLICATE_PATHS = {
  duplicates: '/graph/duplicates',
  merges: '/graph/merges',
  merge: (id: number): string => `/graph/merges/${id}`,
};

interface Side {
  id: string;
  name: string;
}

export interface Candidate {
  score: number;
  name_score: number;
  type: string;
  first: Side;
  second: Side;
  explanation: string;
}

export interface DuplicatesAnswer {
  candidates: Candidate[];
  entities: number;
  pairs_scored: number;
  pairs_found: number;
  blocks_skipped: number;
}

export interface Merge {
  merge_id: number;
  kept: string;
  merged: string[];
  note: string;
  merged_by: string;
  merged_at: string;
  in_force: boolean;
  undone_by: string | null;
  undone_at: string | null;
}

// What the panel tells the screen after a merge or an unmerge: the merge as the server answered.
export interface MergeChange {
  kind: 'merge' | 'unmerge';
  merge: Merge;
}

interface MergeList {
  merges: Merge[];
  total: number;
  in_force: number;
}

const LIMIT = 50;

export class DuplicatesPanel {
  readonly root: HTMLElement;
  private readonly ctx: Ctx;
  private readonly onChanged: (change: MergeChange) => Promise<void>;
  private readonly minScore: HTMLInputElement;
  private readonly crossScript: HTMLInputElement;
  private readonly candidates: HTMLElement;
  private readonly merges: HTMLElement;
  private canMerge = false;

  constructor(ctx: Ctx, onChanged: (change: MergeChange) => Promise<void>) {
    this.ctx = ctx;
    this.onChanged = onChanged;
    const { t } = ctx;
    this.minScore = h('input', { type: 'number', id: 'dupes-min', min: '0', max: '1', step: '0.05', value: '0.8', 'data-testid': 'dupes-min-score' });
    this.crossScript = h('input', { type: 'checkbox', id: 'dupes-cross', checked: true, 'data-testid': 'dupes-cross-script' });
    this.candidates = h('div', { 'aria-live': 'polite', 'data-testid': 'dupes-candidates' });
    this.merges = h('div', { 'aria-live': 'polite', 'data-testid': 'dupes-merges' });
    const form = h('form', { class: 'picker-form' },
      h('label', { for: 'dupes-min' }, t('dupes.minScore')), ' ', this.minScore, ' ',
      h('label', null, this.crossScript, ' ', t('dupes.crossScript')), ' ',
      h('button', { type: 'submit', 'data-testid': 'dupes-find' }, t('dupes.find')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find();
    });
    this.root = h('div', { 'data-testid': 'dupes' },
      h('p', { class: 'explain' }, t('dupes.intro')),
      form,
      this.candidates,
      h('h3', null, t('dupes.merges')),
      this.merges);
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      const session = await currentSession();
      this.canMerge = session !== null && session.role !== 'viewer';
    } catch {
      this.canMerge = false;
    }
    await this.listMerges();
  }

  private async find(): Promise<void> {
    const { t, lang } = this.ctx;
    this.candidates.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    try {
      const score = Number(this.minScore.value);
      const answer = await requestJson<DuplicatesAnswer>('GET', DUPLICATE_PATHS.duplicates, {
        min_score: Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0.8,
        cross_script: this.crossScript.checked ? 'true' : 'false',
        limit: LIMIT,
      });
      if (answer.candidates.length === 0) {
        this.candidates.replaceChildren(h('p', { class: 'empty', 'data-testid': 'dupes-none' }, t('dupes.none')));
        return;
      }
      const parts: Node[] = [
        h('p', { class: 'muted' }, t('dupes.found', { n: formatInteger(answer.candidates.length, lang), total: formatInteger(answer.pairs_found, lang) })),
      ];
      if (!this.canMerge) parts.push(h('p', { class: 'muted', 'data-testid': 'dupes-viewer' }, t('dupes.viewerNote')));
      parts.push(h('ul', { class: 'search-results' }, answer.candidates.map((candidate) => this.pairItem(candidate))));
      this.candidates.replaceChildren(...parts);
    } catch (error) {
      this.candidates.replaceChildren(errorBox(error, this.ctx));
    }
  }

  private pairItem(candidate: Candidate): HTMLElement {
    const { t, lang } = this.ctx;
    let merge: HTMLButtonElement | null = null;
    if (this.canMerge) {
      merge = h('button', { type: 'button', 'data-testid': 'dupe-merge' }, t('dupes.merge'));
      merge.addEventListener('click', () => void this.merge(candidate, merge as HTMLButtonElement));
    }
    return h('li', { 'data-testid': 'dupe-pair', 'data-first': candidate.first.id, 'data-second': candidate.second.id },
      h('strong', { 'data-testid': 'dupe-score' }, t('dupes.score', { score: formatDecimal(candidate.score, 2, lang) })), ' ',
      h('span', null, `${candidate.first.name} (${candidate.first.id}) · ${candidate.second.name} (${candidate.second.id})`), ' ',
      merge,
      h('br', null),
      h('span', { class: 'muted', lang: 'en', 'data-testid': 'dupe-explanation' }, candidate.explanation));
  }

  private async merge(candidate: Candidate, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const merge = await requestJson<Merge>('POST', DUPLICATE_PATHS.merges, {}, {
        kept: candidate.first.id,
        merged: [candidate.second.id],
        note: candidate.explanation,
      });
      await this.changed({ kind: 'merge', merge });
      await this.find();
    } catch (error) {
      button.disabled = false;
      this.candidates.prepend(errorBox(error, this.ctx));
    }
  }

  private async unmerge(merge: Merge, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const undone = await requestJson<Merge>('DELETE', DUPLICATE_PATHS.merge(merge.merge_id));
      await this.changed({ kind: 'unmerge', merge: undone });
    } catch (error) {
      button.disabled = false;
      this.merges.prepend(errorBox(error, this.ctx));
    }
  }

  private async changed(change: MergeChange): Promise<void> {
    await this.listMerges();
    await this.onChanged(change);
  }

  private async listMerges(): Promise<void> {
    const { t } = this.ctx;
    try {
      const answer = await requestJson<MergeList>('GET', DUPLICATE_PATHS.merges);
      if (answer.merges.length === 0) {
        this.merges.replaceChildren(h('p', { class: 'empty', 'data-testid': 'merges-none' }, t('dupes.noMerges')));
        return;
      }
      this.merges.replaceChildren(h('ul', { class: 'search-results' }, answer.merges.map((merge) => {
        let undo: HTMLButtonElement | null = null;
        if (this.canMerge && merge.in_force) {
          undo = h('button', { type: 'button', class: 'secondary', 'data-testid': 'merge-undo' }, t('dupes.unmerge'));
          undo.addEventListener('click', () => void this.unmerge(merge, undo as HTMLButtonElement));
        }
        const state = merge.in_force
          ? t('dupes.by', { who: merge.merged_by, when: merge.merged_at })
          : t('dupes.undone', { who: merge.undone_by ?? '', when: merge.undone_at ?? '' });
        return h('li', { 'data-testid': 'merge-item', 'data-id': String(merge.merge_id), 'data-in-force': String(merge.in_force) },
          h('strong', null, t('dupes.mergeLine', { merged: merge.merged.join(', '), kept: merge.kept })), ' ',
          h('span', { class: 'muted' }, state), ' ', undo);
      })));
    } catch (error) {
      this.merges.replaceChildren(errorBox(error, this.ctx));
    }
  }
}
