// The part of madge's API the import-graph test uses (madge ships no types of its own).
declare module 'madge' {
  interface MadgeOptions {
    fileExtensions?: string[];
    excludeRegExp?: RegExp[];
    tsConfig?: string;
    detectiveOptions?: Record<string, Record<string, unknown>>;
  }
  interface MadgeResult {
    /** Each file (relative to the folder read) with the files it imports. */
    obj(): Record<string, string[]>;
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  export default function madge(path: string, options?: MadgeOptions): Promise<MadgeResult>;
}
