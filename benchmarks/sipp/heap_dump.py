"""What a JVM's heap holds, from a heap dump (jcmd GC.heap_dump, taken after a full collection).

Java 17 fills the unused ends of its heap regions with int[] objects that nothing references, and
both its class histogram and its heap dump list them: after a 10-minute soak they were 12.6 MB of
the 12.9 MB of int[] (26 arrays of 100 KB to 1 MB, none referenced by an object, a class's static
field or a GC root). So an int[] that nothing references is counted apart here, as "unreferenced
int[] (JVM fillers)", and left out of the totals. Sizes are shallow: a 16-byte header per object and
the field bytes the dump records (references at the dump's identifier size).
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
    int_arrays, referenced = {}, set()
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
            _walk_segment(data, body, body + length, idsize, rid, size_of, sizes, int_arrays, referenced)
    fillers = sum(size for oid, size in int_arrays.items() if oid not in referenced)
    sizes["int[]"] -= fillers
    named = collections.Counter()
    for key, size in sizes.items():
        named[key if isinstance(key, str) else strings.get(class_name_ids.get(key), hex(key)).replace("/", ".")] += size
    named[FILLERS] = fillers
    return named


FILLERS = "unreferenced int[] (JVM fillers)"


def _walk_segment(data, p, end, idsize, rid, size_of, sizes, int_arrays, referenced):
    root_sizes = {0xFF: idsize, 0x01: 2 * idsize, 0x02: idsize + 8, 0x03: idsize + 8, 0x04: idsize + 4,
                  0x05: idsize, 0x06: idsize + 4, 0x07: idsize, 0x08: idsize + 8}
    while p < end:
        sub = data[p]
        p += 1
        if sub in root_sizes:
            referenced.add(rid(p))
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
                if data[p] == 2:
                    referenced.add(rid(p + 1))
                p += 1 + size_of[data[p]]
            count = struct.unpack(">H", data[p:p + 2])[0]
            p += 2 + count * (idsize + 1)
        elif sub == 0x21:  # instance
            class_id = rid(p + idsize + 4)
            length = struct.unpack(">I", data[p + 2 * idsize + 4:p + 2 * idsize + 8])[0]
            sizes[class_id] += _HEADER + length
            start = p + 2 * idsize + 8
            # field values are not described here; any aligned word may be a reference
            for at in range(start, start + length - idsize + 1, 4):
                referenced.add(rid(at))
            p = start + length
        elif sub == 0x22:  # object array
            count = struct.unpack(">I", data[p + idsize + 4:p + idsize + 8])[0]
            sizes[rid(p + idsize + 8)] += _HEADER + count * idsize
            start = p + 2 * idsize + 8
            referenced.update(rid(start + i * idsize) for i in range(count))
            p = start + count * idsize
        elif sub == 0x23:  # primitive array
            count = struct.unpack(">I", data[p + idsize + 4:p + idsize + 8])[0]
            kind = data[p + idsize + 8]
            sizes[_PRIMITIVE[kind]] += _HEADER + count * _TYPE_SIZE[kind]
            if kind == 10:
                int_arrays[rid(p)] = _HEADER + count * 4
            p += idsize + 9 + count * _TYPE_SIZE[kind]
        else:
            raise ValueError(f"unknown heap dump record {sub:#x} at byte {p - 1}")


def difference(before, after, top=15):
    """Lines for the classes whose bytes changed most, and the totals without the JVM's fillers."""
    def total(sizes):
        return sum(v for k, v in sizes.items() if k != FILLERS) / 1048576

    rows = sorted(((after.get(k, 0) - before.get(k, 0), k) for k in set(before) | set(after) if k != FILLERS),
                  reverse=True)
    lines = [f"objects: {total(before):.1f} MB before, {total(after):.1f} MB after; JVM fillers: "
             f"{before.get(FILLERS, 0) / 1048576:.1f} and {after.get(FILLERS, 0) / 1048576:.1f} MB"]
    lines += [f"  {delta / 1024:+10.1f} KB  {name}" for delta, name in rows[:top] if delta > 0]
    return lines
