// The engines' worker precompiled (issue 15, start-up). Under tsx each worker
// thread compiled the worker's TypeScript afresh: about a second of esbuild in
// every thread, two threads at once on a two-core machine, before the first
// batch. Here the worker is bundled once with esbuild (the compiler tsx itself
// runs), kept in node_modules/.cache, and bundled again when any file it was
// built from changed (size or time), so no build step has to be remembered.
// Packages stay outside the bundle: Node loads them as under tsx.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Manifest {
  esbuild: string;
  entry: string;
  /** The bundle's file, relative to the cache folder. */
  out: string;
  /** Every file the bundle was built from: its size and time when it was built. */
  inputs: Record<string, [size: number, mtimeMs: number]>;
}

export interface BundleOptions {
  /** The worker's TypeScript entry. */
  entry: string;
  /** Where bundles and their manifest are kept. */
  cacheDir: string;
}

/** The manifest's bundle when every file it was built from is as it was, else undefined. */
async function freshBundle(opts: BundleOptions, manifestFile: string, version: string): Promise<string | undefined> {
  let m: Manifest;
  try {
    m = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  if (m.esbuild !== version || m.entry !== opts.entry) return undefined;
  const same = await Promise.all(
    Object.entries(m.inputs).map(([file, [size, mtimeMs]]) =>
      stat(file).then(
        (s) => s.size === size && s.mtimeMs === mtimeMs,
        () => false,
      ),
    ),
  );
  if (!same.every(Boolean)) return undefined;
  const out = path.join(opts.cacheDir, m.out);
  return stat(out).then(
    () => out,
    () => undefined,
  );
}

/**
 * A bundle of the worker at `entry`, built now if none is fresh. Rejects when
 * esbuild cannot build it (the caller then runs the TypeScript under tsx).
 * Two processes building at once each write their own bundle; the manifest
 * names whichever was renamed last, and both bundles are whole.
 */
export async function workerBundle(opts: BundleOptions): Promise<string> {
  const esbuild = await import("esbuild");
  const name = path.basename(opts.entry, path.extname(opts.entry));
  const manifestFile = path.join(opts.cacheDir, `${name}.json`);
  const fresh = await freshBundle(opts, manifestFile, esbuild.version);
  if (fresh) return fresh;

  await mkdir(opts.cacheDir, { recursive: true });
  const out = `${name}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}.mjs`;
  const result = await esbuild.build({
    entryPoints: [opts.entry],
    outfile: path.join(opts.cacheDir, out),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    metafile: true,
    logLevel: "silent",
    // The bundle lives elsewhere than its sources: each source's import.meta.url
    // is its own file's, as under tsx (a worker file beside its module is found).
    plugins: [
      {
        // The word vectors (7.6 MB of JSON) and the dictionaries (5 MB) are read when the thread loads, not
        // compiled into the bundle: V8 compiling a source that large ran a thread
        // with a heap limit out of memory in a way that ends the whole process,
        // where running out later ends the thread alone.
        name: "read-at-run-time",
        setup(build) {
          build.onResolve({ filter: /[\\/](word-vectors|dictionaries)\.json$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path), namespace: "read-at-run-time" }));
          build.onLoad({ filter: /.*/, namespace: "read-at-run-time" }, (a) => ({
            contents: `import { readFileSync } from "node:fs";\nexport default JSON.parse(readFileSync(${JSON.stringify(a.path)}, "utf8"));\n`,
            loader: "js",
          }));
        },
      },
      {
        name: "own-import-meta-url",
        setup(build) {
          build.onLoad({ filter: /\.[cm]?ts$/ }, async (a) => {
            const text = await readFile(a.path, "utf8");
            return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href)), loader: "ts" };
          });
        },
      },
    ],
  });
  const cwd = process.cwd();
  const inputs: Manifest["inputs"] = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    // A file read at run time is no part of the bundle: its changes need no new one.
    if (file.startsWith("read-at-run-time:")) continue;
    // The metafile names inputs relative to the working folder.
    const abs = path.resolve(/* turbopackIgnore: true */ cwd, file);
    const s = await stat(abs);
    inputs[abs] = [s.size, s.mtimeMs];
  }
  // This file too: a change to how the bundle is built builds it again.
  const self = fileURLToPath(import.meta.url);
  const own = await stat(self);
  inputs[self] = [own.size, own.mtimeMs];
  const manifest: Manifest = { esbuild: esbuild.version, entry: opts.entry, out, inputs };
  const tmp = `${manifestFile}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, JSON.stringify(manifest));
  await rename(tmp, manifestFile);
  await removeOld(opts.cacheDir, name, out);
  return path.join(opts.cacheDir, out);
}

/** Bundles a day old that the manifest no longer names: a process started before may still be loading a newer one's predecessor. */
async function removeOld(cacheDir: string, name: string, keep: string): Promise<void> {
  const day = Date.now() - 24 * 3600 * 1000;
  for (const f of await readdir(cacheDir)) {
    if (f === keep || !f.startsWith(`${name}-`) || !f.endsWith(".mjs")) continue;
    const file = path.join(cacheDir, f);
    const s = await stat(file).catch(() => undefined);
    if (s && s.mtimeMs < day) await rm(file, { force: true });
  }
}
