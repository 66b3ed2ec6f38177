import "server-only";

/**
 * The most of a SQLite store's file a connection can map: better-sqlite3's
 * SQLite is built with MAX_MMAP_SIZE=0x7fff0000 (about 2 GiB) and quietly cuts
 * a larger `mmap_size` to it. Mapped pages are the OS's page cache, shared by
 * every connection to the file, not a process's heap.
 */
export const SQLITE_MMAP_MAX = 0x7fff0000;
