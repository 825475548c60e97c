// @vercel/ncc ships no type declarations; this is the part of its API the bundle script uses.
declare module '@vercel/ncc' {
  interface NccOptions {
    cache?: string | false;
    minify?: boolean;
    sourceMap?: boolean;
    license?: string;
    quiet?: boolean;
    target?: string;
    externals?: string[];
  }
  interface NccAsset {
    source: string | Uint8Array;
    permissions?: number;
  }
  export default function ncc(
    entry: string,
    options?: NccOptions,
  ): Promise<{ code: string; map?: string; assets?: Record<string, NccAsset> }>;
}
