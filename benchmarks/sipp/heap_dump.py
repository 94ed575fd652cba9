"""What a JVM's heap holds, from a heap dump of its reachable objects (jcmd GC.heap_dump).

A class histogram (jcmd GC.class_histogram) also counts the int[] fillers the JVM leaves in its heap
(13 MB of them after a 10-minute soak, against 0.3 MB of int[] reachable), so it cannot tell what
a run left behind. A dump holds reachable objects only; sizes here are shallow, with a 16-byte
header per object and the field bytes the dump records (references at the dump's identifier size).
"""
import collections
import os
import struct
import subprocess

_TYPE_SIZE = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
_PRIMITIVE = {4: "boolean[]", 5: "char[]", 6: "float[]", 7: "double[]", 8: "byte[]", 9: "short[]", 10: "int[]",
              11: "long[]"}
_HEADER = 16


def dump(pid, path):
    """Writes the reachable objects of the JVM with this pid to path (after a full collection)."""
    if os.path.exists(path):
        os.remove(path)
    subprocess.run(["jcmd", str(pid), "GC.heap_dump", path], check=True, capture_output=True, timeout=120)


def bytes_by_class(path):
    """Shallow bytes of the reachable objects in a heap dump, by class name."""
    with open(path, "rb") as f:
        data = f.read()
    pos = data.index(b"\0") + 1
    idsize = struct.unpack(">I", data[pos:pos + 4])[0]
    pos += 12
    fmt = ">Q" if idsize == 8 else ">I"

    def rid(at):
        return struct.unpack(fmt, data[at:at + idsize])[0]

    size_of = {**_TYPE_SIZE, 2: idsize}
    strings, class_name_ids, sizes = {}, {}, collections.Counter()
    while pos < len(data):
        tag = data[pos]
        length = struct.unpack(">I", data[pos + 5:pos + 9])[0]
        body = pos + 9
        pos = body + length
        if tag == 0x01:
            strings[rid(body)] = data[body + idsize:body + length].decode("utf-8", "replace")
        elif tag == 0x02:
            class_name_ids[rid(body + 4)] = rid(body + 8 + idsize)
        elif tag in (0x0C, 0x1C):
            _walk_segment(data, body, body + length, idsize, rid, size_of, sizes)
    named = collections.Counter()
    for key, size in sizes.items():
        named[key if isinstance(key, str) else strings.get(class_name_ids.get(key), hex(key)).replace("/", ".")] += size
    return named


def _walk_segment(data, p, end, idsize, rid, size_of, sizes):
    root_sizes = {0xFF: idsize, 0x01: 2 * idsize, 0x02: idsize + 8, 0x03: idsize + 8, 0x04: idsize + 4,
                  0x05: idsize, 0x06: idsize + 4, 0x07: idsize, 0x08: idsize + 8}
    while p < end:
        sub = data[p]
        p += 1
        if sub in root_sizes:
            p += root_sizes[sub]
        elif sub == 0x20:  # class dump: skip constant pool, statics and instance field descriptions
            p += idsize + 4 + 6 * idsize + 4
            count = struct.unpack(">H", data[p:p + 2])[0]
            p += 2
            for _ in range(count):
                p += 2
                p += 1 + size_of[data[p]]
            count = struct.unpack(">H", data[p:p + 2])[0]
            p += 2
            for _ in range(count):
                p += idsize
                p += 1 + size_of[data[p]]
            count = struct.unpack(">H", data[p:p + 2])[0]
            p += 2 + count * (idsize + 1)
        elif sub == 0x21:  # instance
            class_id = rid(p + idsize + 4)
            length = struct.unpack(">I", data[p + 2 * idsize + 4:p + 2 * idsize + 8])[0]
            sizes[class_id] += _HEADER + length
            p += 2 * idsize + 8 + length
        elif sub == 0x22:  # object array
            count = struct.unpack(">I", data[p + idsize + 4:p + idsize + 8])[0]
            sizes[rid(p + idsize + 8)] += _HEADER + count * idsize
            p += 2 * idsize + 8 + count * idsize
        elif sub == 0x23:  # primitive array
            count = struct.unpack(">I", data[p + idsize + 4:p + idsize + 8])[0]
            kind = data[p + idsize + 8]
            sizes[_PRIMITIVE[kind]] += _HEADER + count * _TYPE_SIZE[kind]
            p += idsize + 9 + count * _TYPE_SIZE[kind]
        else:
            raise ValueError(f"unknown heap dump record {sub:#x} at byte {p - 1}")


def difference(before, after, top=15):
    """Lines for the classes whose reachable bytes changed most, and the totals."""
    rows = sorted(((after.get(k, 0) - before.get(k, 0), k) for k in set(before) | set(after)), reverse=True)
    lines = [f"reachable: {sum(before.values()) / 1048576:.1f} MB before, {sum(after.values()) / 1048576:.1f} MB after"]
    lines += [f"  {delta / 1024:+10.1f} KB  {name}" for delta, name in rows[:top] if delta > 0]
    return lines
