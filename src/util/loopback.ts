/** Loopback names and addresses: where a server that trusts every caller may listen. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;

/** Whether a host name or address (IPv6 in brackets or not) is this machine's loopback. */
export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK.test(
    host
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1'),
  );
}
