/**
 * @vercel/client's events as our progress lines: how many files and bytes the tree holds, how
 * many the API asked for after deduplication, upload progress (a line per quarter, not per file:
 * a 10,000-file tree must not write 10,000 lines), and the totals the step reports.
 */
import type { Clock } from '@deploy-suite/core/clock';
import { formatDuration } from '@deploy-suite/core/input-types';

interface FileEntry {
  names?: string[];
  data?: Uint8Array;
  size?: number;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const sizeOf = (f: FileEntry | undefined): number => f?.data?.byteLength ?? f?.size ?? 0;

export class UploadMeter {
  private files = 0;
  private totalBytes = 0;
  private toUpload = 0;
  private bytesToUpload = 0;
  private uploadedFiles = 0;
  private uploadedBytes = 0;
  private roundUploaded = 0;
  private roundBytes = 0;
  private nextQuarter = 1;
  private uploadStart = 0;
  private readonly say: (line: string) => void;
  private readonly clock: Pick<Clock, 'now'>;

  constructor(say: (line: string) => void, clock: Pick<Clock, 'now'>) {
    this.say = say;
    this.clock = clock;
  }

  hashed(files: Record<string, FileEntry>): void {
    // createDeployment hashes again on the pass after the upload: one line is enough.
    if (this.files > 0) return;
    const entries = Object.values(files);
    this.files = entries.reduce((n, f) => n + (f.names?.length ?? 1), 0);
    this.totalBytes = entries.reduce((n, f) => n + sizeOf(f), 0);
    const archive = entries.length > 0 && entries.every((f) => (f.names ?? []).every((n) => /source\.tgz\.part\d+$/.test(n)));
    this.say(
      archive
        ? `Packed the tree into ${entries.length} tgz part${entries.length === 1 ? '' : 's'} (${formatBytes(this.totalBytes)}).`
        : `Hashed ${this.files} files (${formatBytes(this.totalBytes)}, ${entries.length} distinct).`,
    );
  }

  /** The API's `missing_files`: only these are sent. Called again on a retried deploy. */
  missing(shas: readonly string[], all: ReadonlyMap<string, FileEntry>): void {
    this.toUpload = shas.length;
    this.bytesToUpload = shas.reduce((n, sha) => n + sizeOf(all.get(sha)), 0);
    this.nextQuarter = 1;
    this.roundUploaded = 0;
    this.roundBytes = 0;
    this.uploadStart = this.clock.now();
    this.say(`Uploading ${shas.length} files (${formatBytes(this.bytesToUpload)}) the API does not have yet.`);
  }

  uploaded(file: FileEntry): void {
    this.uploadedFiles++;
    this.uploadedBytes += sizeOf(file);
    this.roundUploaded++;
    this.roundBytes += sizeOf(file);
    const doneInRound = this.toUpload === 0 ? 1 : this.roundUploaded / this.toUpload;
    const quarter = Math.floor(doneInRound * 4);
    if (quarter >= this.nextQuarter) {
      this.say(`Uploaded ${this.roundUploaded}/${this.toUpload} files (${formatBytes(this.roundBytes)}).`);
      this.nextQuarter = quarter + 1;
    }
  }

  done(): void {
    const ms = this.clock.now() - this.uploadStart;
    const rate = ms > 0 ? ` at ${formatBytes((this.roundBytes / ms) * 1000)}/s` : '';
    this.say(`All files uploaded in ${formatDuration(ms)}${rate}.`);
  }

  totals(): { files: number; totalBytes: number; uploadedFiles: number; uploadedBytes: number } {
    return {
      files: this.files,
      totalBytes: this.totalBytes,
      uploadedFiles: this.uploadedFiles,
      uploadedBytes: this.uploadedBytes,
    };
  }
}
