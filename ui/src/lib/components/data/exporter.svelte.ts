// One export at a time, shared by the activity list's «Exportar» menu and the Data screen:
// the native save dialog, then the file written with progress and a way to cancel.
import { errorMessage, jobs, type FilterQuery, type Job } from '../../api';
import type { ExportFormat } from '../../bindings/ExportFormat';
import type { Lang } from '../../bindings/Lang';
import type { Progress } from '../../bindings/Progress';
import type { MessageKey } from '../../i18n/es';
import { i18n, t } from '../../i18n/index.svelte';
import { notify } from '../../toasts.svelte';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'ics', 'jsonl'];

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  xlsx: 'data.export.fmt.xlsx',
  csv: 'data.export.fmt.csv',
  ics: 'data.export.fmt.ics',
  jsonl: 'data.export.fmt.jsonl',
};

export function formatLabel(format: ExportFormat): string {
  return t(FORMAT_LABELS[format]);
}

export class Exporter {
  progress = $state<Progress | null>(null);
  job = $state<Job<string | null> | null>(null);

  /** Exports what `filter` matches; resolves to where it was written, or null. */
  async run(filter: FilterQuery, format: ExportFormat, lang: Lang): Promise<string | null> {
    this.progress = { done: 0, total: 0 };
    const job = jobs.exportActivities(filter, format, lang, (p) => (this.progress = p));
    this.job = job;
    try {
      const path = await job.result;
      if (path) notify(t('data.export.done', { path }));
      return path;
    } catch (e) {
      notify(errorMessage(e), { kind: 'error' });
      return null;
    } finally {
      this.job = null;
      this.progress = null;
    }
  }

  cancel(): void {
    void this.job?.cancel();
  }
}
