import { readdir, readFile, readlink } from 'node:fs/promises';

/** Linux socket tables, IPv4 then IPv6 (Java binds "all interfaces" as a dual-stack socket). */
const SOCKET_TABLES = ['/proc/net/tcp', '/proc/net/tcp6'];
/** Socket state code of a listening TCP socket in those tables. */
const TCP_LISTEN = '0A';
/** What a socket's file descriptor links to: socket:[<inode>]. */
const SOCKET_LINK = /^socket:\[(\d+)\]$/;

/**
 * Whether the process `pid` is the one listening on TCP `port`, so an answer on that port is known
 * to come from it and not from a server that took the port first. Undefined where the kernel does
 * not expose its socket tables (not Linux): the caller then cannot tell.
 */
export async function listensOnPort(pid: number, port: number): Promise<boolean | undefined> {
  const tables = await Promise.all(SOCKET_TABLES.map((table) => readFile(table, 'utf8').catch(() => undefined)));
  const readable = tables.filter((table): table is string => table !== undefined);
  if (readable.length === 0) {
    return undefined;
  }
  const inodes = new Set(readable.flatMap((table) => listeningSocketInodes(table, port)));
  if (inodes.size === 0) {
    return false;
  }
  const descriptors = await readdir(`/proc/${pid}/fd`).catch(() => []);
  const targets = await Promise.all(descriptors.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return targets.some((target) => inodes.has(SOCKET_LINK.exec(target)?.[1] ?? ''));
}

/** Inodes of the sockets listening on `port` in one /proc/net/tcp* table (header line first). */
function listeningSocketInodes(table: string, port: number): string[] {
  const portSuffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter(([, localAddress, , state]) => state === TCP_LISTEN && localAddress?.endsWith(portSuffix))
    .flatMap((fields) => fields[9] ?? []);
}
