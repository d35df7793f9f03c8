/**
 * Parses an HTTP Range header (RFC 9110 §14) for one file, so videos can be scrubbed and big
 * downloads resumed. Written here rather than borrowed from @fastify/static: the app registers
 * that plugin only when the web build exists (and with its reply decorator at the root), while
 * resource files need their own access check first; a small pure parser is easier to test than a
 * second, differently configured copy of the plugin. Pure: no I/O.
 *
 * Only a single range is served. A request for several ranges gets the whole file (200), which the
 * RFC allows, as it does ignoring a header whose syntax is invalid or whose unit is not bytes.
 */
export type RangeAnswer =
  /** Send the whole file with 200. */
  | { kind: 'whole' }
  /** Send bytes start..end (inclusive) with 206. */
  | { kind: 'partial'; start: number; end: number }
  // Answer 416, with a Content-Range that gives the size: "bytes */1000".
  | { kind: 'unsatisfiable' };

const WHOLE: RangeAnswer = { kind: 'whole' };
const UNSATISFIABLE: RangeAnswer = { kind: 'unsatisfiable' };
const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return WHOLE;
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!m?.[1]) return WHOLE;
  const specs = m[1].split(',').map((s) => s.trim());
  if (specs.length !== 1) return WHOLE;
  const spec = SPEC.exec(specs[0] ?? '');
  if (!spec) return WHOLE;
  const [, first = '', last = ''] = spec;
  if (first === '' && last === '') return WHOLE;

  if (first === '') {
    // A suffix: the last n bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return WHOLE;
  if (start >= size) return UNSATISFIABLE;
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}
