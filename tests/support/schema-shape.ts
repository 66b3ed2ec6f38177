// The shape of a store — tables, columns (normalised type, nullability,
// default), primary keys, indexes and foreign keys — read three ways: from the
// Prisma models, from a migrated SQLite file and from a migrated PostgreSQL
// database, in one form so that diffShapes can compare any two of them.
//
// The models are read from prisma/schema.prisma by a small parser: Prisma 7's
// generated client keeps only field names and types at runtime (no
// nullability, defaults or indexes), and the parsers that produce a full DMMF
// ship inside the CLI bundle or in @prisma/internals, which is not installed.
// The parser knows the subset of the schema language this project uses and
// throws on anything else, so new syntax cannot slip past it unread; the drift
// test checks its names and types against the generated client's own.
import Database from "better-sqlite3";
import pg from "pg";

export interface Column {
  /** text | int | bool | datetime | float | bigint, or the store's own name for anything else. */
  type: string;
  nullable: boolean;
  /** 'literal', a number, true/false, now, autoincrement; null when none. */
  default: string | null;
}

export interface Index {
  unique: boolean;
  /** Column names, or a normalised expression (lower case, no quotes or spaces). */
  columns: string[];
}

export interface Table {
  columns: Record<string, Column>;
  primaryKey: string[];
  /** By name; the primary key's own index is left out. */
  indexes: Record<string, Index>;
  /** "cols -> Table(cols)" to the ON DELETE action. */
  foreignKeys: Record<string, string>;
}

export type Shape = Record<string, Table>;

// ---------------------------------------------------------------- the models

export interface ParsedField {
  name: string;
  type: string;
  kind: "scalar" | "object";
  optional: boolean;
  list: boolean;
  attributes: { name: string; args: string | null }[];
}

export interface ParsedModel {
  name: string;
  fields: ParsedField[];
  blockAttributes: { name: string; args: string }[];
}

const prismaTypes: Record<string, string> = {
  String: "text",
  Int: "int",
  Boolean: "bool",
  DateTime: "datetime",
  Float: "float",
  BigInt: "bigint",
};

const fieldAttributes = new Set(["id", "unique", "default", "updatedAt", "relation"]);
const blockAttributes = new Set(["id", "unique", "index"]);
const attributePattern = /^@(\w+)(\((?:[^()]|\([^()]*\))*\))?/;

function parseAttributes(text: string, where: string): { name: string; args: string | null }[] {
  const out: { name: string; args: string | null }[] = [];
  let rest = text.trim();
  while (rest) {
    const m = attributePattern.exec(rest);
    if (!m) throw new Error(`${where}: cannot read "${rest}"`);
    out.push({ name: m[1]!, args: m[2] ? m[2].slice(1, -1).trim() : null });
    rest = rest.slice(m[0].length).trim();
  }
  return out;
}

/** The models of a schema.prisma; throws on a construct the drift test does not understand. */
export function parseModels(schema: string): ParsedModel[] {
  const models: ParsedModel[] = [];
  let block: "model" | "other" | null = null;
  let current: ParsedModel | null = null;
  schema.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    const where = `schema.prisma line ${i + 1}`;
    if (!line || line.startsWith("//")) return;
    if (block === null) {
      const open = /^(model|generator|datasource)\s+(\w+)\s*\{$/.exec(line);
      if (!open) throw new Error(`${where}: expected a model, generator or datasource block, read "${line}"`);
      block = open[1] === "model" ? "model" : "other";
      if (block === "model") {
        current = { name: open[2]!, fields: [], blockAttributes: [] };
        models.push(current);
      }
      return;
    }
    if (line === "}") {
      block = null;
      current = null;
      return;
    }
    if (block === "other" || !current) return;
    const model: ParsedModel = current;
    if (line.startsWith("@@")) {
      const [attr] = parseAttributes(line.slice(1), where);
      if (!attr || !blockAttributes.has(attr.name) || !attr.args || !/^\[[\w\s,]+\]$/.test(attr.args)) {
        throw new Error(`${where}: unsupported block attribute "${line}"`);
      }
      model.blockAttributes.push({ name: attr.name, args: attr.args });
      return;
    }
    const field = /^(\w+)\s+(\w+)(\?|\[\])?(\s+.*)?$/.exec(line);
    if (!field) throw new Error(`${where}: cannot read the field "${line}"`);
    const attributes = parseAttributes(field[4] ?? "", where);
    for (const a of attributes) {
      if (!fieldAttributes.has(a.name)) throw new Error(`${where}: unsupported attribute @${a.name}`);
    }
    model.fields.push({
      name: field[1]!,
      type: field[2]!,
      kind: field[2]! in prismaTypes ? "scalar" : "object",
      optional: field[3] === "?",
      list: field[3] === "[]",
      attributes,
    });
  });
  if (block !== null) throw new Error("schema.prisma: a block is not closed");
  return models;
}

const list = (args: string): string[] =>
  args
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function modelDefault(args: string, where: string): string {
  if (args === "now()") return "now";
  if (args === "autoincrement()") return "autoincrement";
  if (args === "true" || args === "false") return args;
  if (/^-?\d+(\.\d+)?$/.test(args)) return String(Number(args));
  const s = /^"((?:[^"\\]|\\.)*)"$/.exec(args);
  if (s) return `'${s[1]!.replace(/'/g, "''")}'`;
  throw new Error(`${where}: unsupported default @default(${args})`);
}

const onDeleteActions: Record<string, string> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

const fkKey = (columns: string[], ref: string, refColumns: string[]) => `${columns.join(", ")} -> ${ref}(${refColumns.join(", ")})`;

/** What the models say the store holds, with Prisma's own names for indexes. */
export function modelShape(models: ParsedModel[]): Shape {
  const shape: Shape = {};
  for (const m of models) {
    const table: Table = { columns: {}, primaryKey: [], indexes: {}, foreignKeys: {} };
    for (const f of m.fields) {
      const where = `${m.name}.${f.name}`;
      if (f.kind === "object") {
        const rel = f.attributes.find((a) => a.name === "relation");
        const fields = rel?.args && /fields:\s*(\[[^\]]*\])/.exec(rel.args);
        if (!rel?.args || !fields) continue; // the other side of a relation: no column here
        const refs = /references:\s*(\[[^\]]*\])/.exec(rel.args);
        if (!refs) throw new Error(`${where}: a relation with fields but no references`);
        const onDelete = /onDelete:\s*(\w+)/.exec(rel.args)?.[1];
        if (onDelete && !(onDelete in onDeleteActions)) throw new Error(`${where}: unknown onDelete ${onDelete}`);
        // Prisma's default: SetNull when the relation is optional, Restrict when required.
        const action = onDelete ? onDeleteActions[onDelete]! : f.optional ? "SET NULL" : "RESTRICT";
        table.foreignKeys[fkKey(list(fields[1]!), f.type, list(refs[1]!))] = action;
        continue;
      }
      if (f.list) throw new Error(`${where}: scalar lists are not supported`);
      const dflt = f.attributes.find((a) => a.name === "default");
      table.columns[f.name] = {
        type: prismaTypes[f.type]!,
        nullable: f.optional,
        default: dflt ? modelDefault(dflt.args ?? "", where) : null,
      };
      if (f.attributes.some((a) => a.name === "id")) table.primaryKey = [f.name];
      if (f.attributes.some((a) => a.name === "unique")) {
        table.indexes[`${m.name}_${f.name}_key`] = { unique: true, columns: [f.name] };
      }
    }
    for (const a of m.blockAttributes) {
      const cols = list(a.args);
      if (a.name === "id") table.primaryKey = cols;
      else table.indexes[`${m.name}_${cols.join("_")}_${a.name === "unique" ? "key" : "idx"}`] = { unique: a.name === "unique", columns: cols };
    }
    shape[m.name] = table;
  }
  return shape;
}

// ---------------------------------------------------------------- the stores

const storeTypes: Record<string, string> = {
  // SQLite's declared types, as Prisma's migrations write them
  TEXT: "text",
  INTEGER: "int",
  BOOLEAN: "bool",
  DATETIME: "datetime",
  REAL: "float",
  BIGINT: "bigint",
  // PostgreSQL's information_schema names
  text: "text",
  integer: "int",
  boolean: "bool",
  "timestamp without time zone": "datetime",
  "double precision": "float",
  bigint: "bigint",
};

const normaliseType = (t: string) => storeTypes[t] ?? t.toLowerCase();

function normaliseDefault(d: string | null): string | null {
  if (d === null) return null;
  let v = d.trim();
  if (/^nextval\(/i.test(v)) return "autoincrement";
  v = v.replace(/::[\w ]+(\(\d+\))?$/, ""); // PostgreSQL's casts: 'x'::text
  if (/^\(.*\)$/.test(v)) v = v.slice(1, -1);
  if (/^current_timestamp(\(\d*\))?$/i.test(v) || /^now\(\)$/i.test(v)) return "now";
  if (/^(true|false)$/i.test(v)) return v.toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(v)) return String(Number(v));
  return v;
}

/** A plain column name as is; an expression lower-cased without quotes or spaces. */
function normaliseIndexPart(part: string): string {
  const p = part.trim();
  const plain = /^"?(\w+)"?$/.exec(p);
  if (plain) return plain[1]!;
  return p.replace(/["\s]/g, "").toLowerCase();
}

/** Split an index's column list on its top-level commas. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")") depth--;
    else if (s[i] === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

const sqliteActions: Record<string, string> = { CASCADE: "CASCADE", "SET NULL": "SET NULL", RESTRICT: "RESTRICT", "NO ACTION": "NO ACTION", "SET DEFAULT": "SET DEFAULT" };

/** The shape of a SQLite store file. FTS5 shadow tables are left out; their virtual table stays. */
export function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .all() as { name: string; sql: string }[];
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const shape: Shape = {};
    for (const t of tables) {
      if (virtual.some((v) => t.name.startsWith(`${v}_`))) continue;
      const table: Table = { columns: {}, primaryKey: [], indexes: {}, foreignKeys: {} };
      const cols = db.prepare(`SELECT * FROM pragma_table_info(?) ORDER BY cid`).all(t.name) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      for (const c of cols) {
        const autoincrement = new RegExp(`"${c.name}"\\s+INTEGER\\s+NOT NULL\\s+PRIMARY KEY\\s+AUTOINCREMENT`, "i").test(t.sql);
        table.columns[c.name] = {
          type: virtual.includes(t.name) ? "fts5" : normaliseType(c.type),
          nullable: c.notnull === 0 && c.pk === 0,
          default: autoincrement ? "autoincrement" : normaliseDefault(c.dflt_value),
        };
      }
      table.primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      const indexes = db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?)`).all(t.name) as {
        name: string;
        unique: number;
        origin: string;
      }[];
      for (const ix of indexes) {
        if (ix.origin === "pk") continue;
        const keys = db.prepare(`SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`).all(ix.name) as { name: string | null }[];
        let columns = keys.map((k) => k.name ?? "");
        if (columns.some((c) => c === "")) {
          // An expression index: pragma gives no name, so read its definition.
          const { sql } = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(ix.name) as { sql: string };
          const inner = sql.slice(sql.indexOf("(", sql.search(/\sON\s/i)) + 1, sql.lastIndexOf(")"));
          columns = splitTopLevel(inner);
        }
        table.indexes[ix.name] = { unique: ix.unique === 1, columns: columns.map(normaliseIndexPart) };
      }
      const fks = db.prepare(`SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(t.name) as {
        id: number;
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[];
      for (const id of [...new Set(fks.map((f) => f.id))]) {
        const parts = fks.filter((f) => f.id === id);
        const first = parts[0]!;
        table.foreignKeys[fkKey(parts.map((p) => p.from), first.table, parts.map((p) => p.to))] = sqliteActions[first.on_delete] ?? first.on_delete;
      }
      shape[t.name] = table;
    }
    return shape;
  } finally {
    db.close();
  }
}

const pgActions: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** The shape of a PostgreSQL store: the tables of its current schema. */
export async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table: string; name: string; type: string; nullable: string; dflt: string | null; generated: string }>(
      `SELECT c.table_name AS "table", c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable,
              c.column_default AS dflt, c.is_generated AS generated
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    const shape: Shape = {};
    for (const c of columns.rows) {
      const table = (shape[c.table] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: {} });
      table.columns[c.name] = {
        // A generated column has no default to compare; its type says what it is.
        type: c.generated === "ALWAYS" ? `generated ${normaliseType(c.type)}` : normaliseType(c.type),
        nullable: c.nullable === "YES",
        default: normaliseDefault(c.dflt),
      };
    }
    const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT t.relname::text AS "table", i.relname::text AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary",
              array(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k) AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> '_prisma_migrations'
        ORDER BY t.relname, i.relname`,
    );
    for (const ix of indexes.rows) {
      const table = shape[ix.table];
      if (!table) continue;
      const cols = ix.columns.map(normaliseIndexPart);
      if (ix.primary) table.primaryKey = cols;
      else table.indexes[ix.name] = { unique: ix.unique, columns: cols };
    }
    const fks = await client.query<{ table: string; ref: string; action: string; columns: string[]; refColumns: string[] }>(
      `SELECT t.relname::text AS "table", r.relname::text AS ref, c.confdeltype::text AS action,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
              array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS "refColumns"
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
    );
    for (const fk of fks.rows) {
      const table = shape[fk.table];
      if (table) table.foreignKeys[fkKey(fk.columns, fk.ref, fk.refColumns)] = pgActions[fk.action] ?? fk.action;
    }
    return shape;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- comparing

const showIndex = (ix: Index) => `${ix.unique ? "unique " : ""}(${ix.columns.join(", ")})`;
const showColumn = (c: Column) => `${c.type}${c.nullable ? " null" : " not null"}${c.default === null ? "" : ` default ${c.default}`}`;

/**
 * Every way two shapes differ, one sorted line each, naming which side has
 * what: "Article.stray: column text null only in the sqlite store".
 */
export function diffShapes(a: Shape, b: Shape, aName: string, bName: string): string[] {
  const out: string[] = [];
  const union = <T>(x: Record<string, T>, y: Record<string, T>) => [...new Set([...Object.keys(x), ...Object.keys(y)])];
  for (const name of union(a, b)) {
    const ta = a[name];
    const tb = b[name];
    if (!ta || !tb) {
      out.push(`${name}: table only in ${ta ? aName : bName}`);
      continue;
    }
    for (const col of union(ta.columns, tb.columns)) {
      const ca = ta.columns[col];
      const cb = tb.columns[col];
      if (!ca || !cb) out.push(`${name}.${col}: column ${showColumn((ca ?? cb)!)} only in ${ca ? aName : bName}`);
      else {
        if (ca.type !== cb.type) out.push(`${name}.${col}: type ${ca.type} in ${aName}, ${cb.type} in ${bName}`);
        if (ca.nullable !== cb.nullable) out.push(`${name}.${col}: ${ca.nullable ? "null" : "not null"} in ${aName}, ${cb.nullable ? "null" : "not null"} in ${bName}`);
        if (ca.default !== cb.default) out.push(`${name}.${col}: default ${ca.default ?? "none"} in ${aName}, ${cb.default ?? "none"} in ${bName}`);
      }
    }
    if (ta.primaryKey.join() !== tb.primaryKey.join()) {
      out.push(`${name}: primary key (${ta.primaryKey.join(", ")}) in ${aName}, (${tb.primaryKey.join(", ")}) in ${bName}`);
    }
    for (const ix of union(ta.indexes, tb.indexes)) {
      const ia = ta.indexes[ix];
      const ib = tb.indexes[ix];
      if (!ia || !ib) out.push(`${name}: index ${ix} ${showIndex((ia ?? ib)!)} only in ${ia ? aName : bName}`);
      else if (showIndex(ia) !== showIndex(ib)) out.push(`${name}: index ${ix} is ${showIndex(ia)} in ${aName}, ${showIndex(ib)} in ${bName}`);
    }
    for (const fk of union(ta.foreignKeys, tb.foreignKeys)) {
      const fa = ta.foreignKeys[fk];
      const fb = tb.foreignKeys[fk];
      if (!fa || !fb) out.push(`${name}: foreign key ${fk} only in ${fa ? aName : bName}`);
      else if (fa !== fb) out.push(`${name}: foreign key ${fk} on delete ${fa} in ${aName}, ${fb} in ${bName}`);
    }
  }
  return out.sort();
}
