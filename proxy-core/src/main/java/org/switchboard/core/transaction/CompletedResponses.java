package org.switchboard.core.transaction;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Transport;

/**
 * Non-INVITE server transactions in Completed over an unreliable transport (RFC 3261 §17.2.2),
 * kept as their key and encoded final response in direct memory until Timer J has passed, so that
 * a retransmitted request is answered with the same bytes and not passed up again.
 *
 * <p>Why not as transaction objects: a registrar at 12,000 REGISTERs a second holds about 400,000
 * of them for Timer J's 32 s. As objects they outlive every young collection, are promoted, and
 * fill the old generation with garbage; on one core the serial collector then stopped the server
 * for 0.4–0.6 s every 20–30 s, long enough to overflow the UDP receive buffer. Here they are
 * written one after another into chunks of direct memory that the collector never scans, and a
 * chunk is reused once Timer J has passed for its newest entry.
 *
 * <p>Bounded by {@code maxBytes}: when every chunk is taken, the oldest is reused before its time
 * (counted by {@link TransactionCounters#completedEvictedEarly}); a retransmission of one of its
 * requests is then processed as a new request. The same happens when the JVM refuses more direct
 * memory; with none at all a response is not kept here and its transaction keeps it. Chunks are
 * allocated as needed and kept for reuse while any entry is kept.
 *
 * <p><b>Threading:</b> one per shard, used only on that shard's thread.
 */
final class CompletedResponses {
    static final int CHUNK_BYTES = 1 << 20;
    /** Larger entries (a response of more than 256 KB cannot be a UDP datagram anyway) are not kept here. */
    static final int MAX_ENTRY_BYTES = CHUNK_BYTES / 4;
    private static final int MIN_CHUNKS = 2;
    private static final int INITIAL_SLOTS = 1024;
    private static final int NO_CALL_ID = -1;

    // entry layout: a fixed header, then remote address, local address, key, Call-ID, response
    private static final int HASH = 0;
    private static final int EXPIRES = 8;
    private static final int CONNECTION = 16;
    private static final int LENGTH = 24;
    private static final int RESPONSE_LENGTH = 28;
    private static final int REMOTE_PORT = 32;
    private static final int LOCAL_PORT = 36;
    private static final int STATUS = 40;
    private static final int KEY_LENGTH = 42;
    private static final int CALL_ID_LENGTH = 44;
    private static final int TRANSPORT = 46;
    private static final int REMOTE_ADDRESS_LENGTH = 47;
    private static final int LOCAL_ADDRESS_LENGTH = 48;
    private static final int HEADER = 49;

    private static final Transport[] TRANSPORTS = Transport.values();

    /** A chunk of entries in arrival order; {@code newestExpiry} is that of its last entry. */
    private static final class Chunk {
        final ByteBuffer buffer;
        final int sequence;
        int used;
        int entries;
        long newestExpiry;

        Chunk(ByteBuffer buffer, int sequence) {
            this.buffer = buffer;
            this.sequence = sequence;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CompletedResponses.class);
    /** Shared by every shard's store: an admin needs one line, not one per shard. */
    private static final RateLimitedLog EVICTED_EARLY = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Final responses dropped before Timer J because their store was full (retransmissions of their"
                    + " requests are then taken as new requests)", Duration.ofSeconds(10));

    private final TransactionCounters counters;
    private final IntFunction<ByteBuffer> allocator;
    private final int maxChunks;
    /** {@link #maxChunks}, or fewer once the JVM refused direct memory. */
    private int chunkLimit;
    private final Chunk[] bySequence;
    private final ArrayDeque<Chunk> live = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
    private int allocatedChunks;
    private int nextSequence;
    private int size;
    // open addressing with linear probing, each slot two longs (hash, ref) so that a probe reads one
    // cache line; hash 0 marks a free slot
    private long[] slots = new long[2 * INITIAL_SLOTS];

    /** @param maxBytes the most direct memory to use, rounded down to whole chunks (at least two) */
    CompletedResponses(long maxBytes, TransactionCounters counters) {
        this(maxBytes, counters, ByteBuffer::allocateDirect);
    }

    /** @param allocator makes a buffer of the size asked; may throw {@link OutOfMemoryError} */
    CompletedResponses(long maxBytes, TransactionCounters counters, IntFunction<ByteBuffer> allocator) {
        this.counters = counters;
        this.allocator = allocator;
        this.maxChunks = (int) Math.max(MIN_CHUNKS, Math.min(Integer.MAX_VALUE / 2, maxBytes / CHUNK_BYTES));
        this.bySequence = new Chunk[maxChunks];
        this.chunkLimit = maxChunks;
    }

    /**
     * Keeps {@code response} as the answer to retransmissions of the request with {@code key} until
     * {@code expiresAt} (shard clock). Returns false, keeping nothing, for a response that has no
     * destination or is too large; the caller then keeps the transaction itself.
     */
    boolean keep(ServerTransactionKey.Branch key, EncodedResponse response, long now, long expiresAt) {
        Destination destination = response.destination();
        if (destination == null || response.localAddress() == null) {
            return false;
        }
        byte[] keyBytes = keyBytes(key);
        byte[] callId = response.callId() == null ? null : response.callId().getBytes(StandardCharsets.UTF_8);
        byte[] remote = destination.address().getAddress().getAddress();
        byte[] local = response.localAddress().getAddress().getAddress();
        byte[] bytes = response.bytes();
        int length = HEADER + remote.length + local.length + keyBytes.length + (callId == null ? 0 : callId.length)
                + bytes.length;
        if (length > MAX_ENTRY_BYTES || keyBytes.length > Short.MAX_VALUE
                || (callId != null && callId.length > Short.MAX_VALUE)) {
            return false;
        }
        expire(now);
        Chunk chunk = chunkWithRoom(length);
        if (chunk == null) {
            return false;
        }
        ByteBuffer b = chunk.buffer;
        int at = chunk.used;
        long hash = hash(key);
        b.putLong(at + HASH, hash);
        b.putLong(at + EXPIRES, expiresAt);
        b.putLong(at + CONNECTION, destination.connectionId());
        b.putInt(at + LENGTH, length);
        b.putInt(at + RESPONSE_LENGTH, bytes.length);
        b.putInt(at + REMOTE_PORT, destination.address().getPort());
        b.putInt(at + LOCAL_PORT, response.localAddress().getPort());
        b.putShort(at + STATUS, (short) response.statusCode());
        b.putShort(at + KEY_LENGTH, (short) keyBytes.length);
        b.putShort(at + CALL_ID_LENGTH, (short) (callId == null ? NO_CALL_ID : callId.length));
        b.put(at + TRANSPORT, (byte) destination.transport().ordinal());
        b.put(at + REMOTE_ADDRESS_LENGTH, (byte) remote.length);
        b.put(at + LOCAL_ADDRESS_LENGTH, (byte) local.length);
        int p = at + HEADER;
        b.put(p, remote);
        p += remote.length;
        b.put(p, local);
        p += local.length;
        b.put(p, keyBytes);
        p += keyBytes.length;
        if (callId != null) {
            b.put(p, callId);
            p += callId.length;
        }
        b.put(p, bytes);
        chunk.used += length;
        chunk.entries++;
        chunk.newestExpiry = Math.max(chunk.newestExpiry, expiresAt);
        index(hash, ref(chunk.sequence, at));
        counters.kept();
        return true;
    }

    /** The response kept for a retransmission of the request with {@code key}, or {@code null}. */
    EncodedResponse find(ServerTransactionKey.Branch key, long now) {
        expire(now);
        if (size == 0) {
            return null;
        }
        long hash = hash(key);
        int mask = slotCount() - 1;
        for (int i = home(hash, mask); slots[2 * i] != 0; i = (i + 1) & mask) {
            if (slots[2 * i] == hash) {
                EncodedResponse found = read(slots[2 * i + 1], key, now);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Entries kept now (including any past Timer J whose chunk is not reused yet). */
    int size() {
        return size;
    }

    /** Direct memory taken by chunks, in use or kept for reuse. */
    long allocatedBytes() {
        return (long) allocatedChunks * CHUNK_BYTES;
    }

    private EncodedResponse read(long ref, ServerTransactionKey.Branch key, long now) {
        Chunk chunk = bySequence[Math.floorMod(sequenceOf(ref), maxChunks)];
        if (chunk == null || chunk.sequence != sequenceOf(ref)) {
            return null;
        }
        ByteBuffer b = chunk.buffer;
        int at = offsetOf(ref);
        if (b.getLong(at + EXPIRES) <= now) {
            return null;
        }
        int remoteLength = b.get(at + REMOTE_ADDRESS_LENGTH);
        int localLength = b.get(at + LOCAL_ADDRESS_LENGTH);
        int keyLength = b.getShort(at + KEY_LENGTH);
        int callIdLength = b.getShort(at + CALL_ID_LENGTH);
        int p = at + HEADER;
        byte[] remote = bytes(b, p, remoteLength);
        p += remoteLength;
        byte[] local = bytes(b, p, localLength);
        p += localLength;
        if (!Arrays.equals(bytes(b, p, keyLength), keyBytes(key))) {
            return null; // another key with the same 64-bit hash
        }
        p += keyLength;
        String callId = null;
        if (callIdLength != NO_CALL_ID) {
            callId = new String(bytes(b, p, callIdLength), StandardCharsets.UTF_8);
            p += callIdLength;
        }
        byte[] response = bytes(b, p, b.getInt(at + RESPONSE_LENGTH));
        Destination destination = new Destination(TRANSPORTS[b.get(at + TRANSPORT)],
                socket(remote, b.getInt(at + REMOTE_PORT)), b.getLong(at + CONNECTION));
        return EncodedResponse.routed(response, b.getShort(at + STATUS), callId, destination,
                socket(local, b.getInt(at + LOCAL_PORT)));
    }

    private Chunk chunkWithRoom(int length) {
        Chunk newest = live.peekLast();
        if (newest != null && CHUNK_BYTES - newest.used >= length) {
            return newest;
        }
        ByteBuffer buffer;
        if (!spare.isEmpty()) {
            buffer = spare.pop();
        } else if (allocatedChunks < chunkLimit && (buffer = allocate()) != null) {
            allocatedChunks++;
        } else if (!live.isEmpty()) {
            release(true);
            buffer = spare.pop();
        } else {
            return null;
        }
        Chunk chunk = new Chunk(buffer, nextSequence++);
        bySequence[Math.floorMod(chunk.sequence, maxChunks)] = chunk;
        live.addLast(chunk);
        return chunk;
    }

    /** A new chunk, or {@code null} when the JVM's direct memory is exhausted; then no more are asked for. */
    private ByteBuffer allocate() {
        try {
            return allocator.apply(CHUNK_BYTES);
        } catch (OutOfMemoryError e) {
            // -XX:MaxDirectMemorySize below this store's budget: make do with the chunks there are
            chunkLimit = allocatedChunks;
            LOG.warn("No direct memory for more kept final responses ({}); keeping them in the {} MB there is",
                    e.getMessage(), allocatedChunks);
            return null;
        }
    }

    /**
     * Frees every chunk whose newest entry is past its Timer J, for reuse. What a peak grew is given
     * back once it is over: the index shrinks when it is sparse, and with no entry left the chunks
     * beyond the first two go to the collector, which returns their direct memory.
     */
    void expire(long now) {
        Chunk oldest;
        boolean released = false;
        while ((oldest = live.peekFirst()) != null && oldest.newestExpiry <= now) {
            release(false);
            released = true;
        }
        if (released) {
            shrinkIndexIfSparse();
            if (live.isEmpty()) {
                while (spare.size() > MIN_CHUNKS) {
                    spare.pop();
                    allocatedChunks--;
                }
            }
        }
    }

    /** Drops the oldest chunk's entries from the index and puts its buffer aside for reuse. */
    private void release(boolean early) {
        Chunk chunk = live.pollFirst();
        ByteBuffer b = chunk.buffer;
        for (int at = 0; at < chunk.used; at += b.getInt(at + LENGTH)) {
            unindex(b.getLong(at + HASH), ref(chunk.sequence, at));
        }
        bySequence[Math.floorMod(chunk.sequence, maxChunks)] = null;
        spare.push(b);
        counters.keptReleased(chunk.entries, early);
        if (early) {
            EVICTED_EARLY.occurred(() -> chunk.entries + " responses of a " + (CHUNK_BYTES >> 20) + " MB chunk, "
                    + allocatedChunks + " chunks in use");
        }
    }

    private int slotCount() {
        return slots.length >> 1;
    }

    private void index(long hash, long ref) {
        if (size + 1 > slotCount() / 2) {
            grow();
        }
        place(hash, ref);
        size++;
    }

    /** Puts {@code hash} and {@code ref} into the first free slot from the hash's home slot on. */
    private void place(long hash, long ref) {
        int mask = slotCount() - 1;
        int i = home(hash, mask);
        while (slots[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = hash;
        slots[2 * i + 1] = ref;
    }

    /** Removes the slot of {@code hash} and {@code ref}, shifting back the slots probed past it. */
    private void unindex(long hash, long ref) {
        int mask = slotCount() - 1;
        int i = home(hash, mask);
        while (slots[2 * i] != 0 && !(slots[2 * i] == hash && slots[2 * i + 1] == ref)) {
            i = (i + 1) & mask;
        }
        if (slots[2 * i] == 0) {
            return;
        }
        size--;
        int free = i;
        for (int j = (free + 1) & mask; slots[2 * j] != 0; j = (j + 1) & mask) {
            int k = home(slots[2 * j], mask);
            boolean staysPut = free <= j ? free < k && k <= j : free < k || k <= j;
            if (!staysPut) {
                slots[2 * free] = slots[2 * j];
                slots[2 * free + 1] = slots[2 * j + 1];
                free = j;
            }
        }
        slots[2 * free] = 0;
    }

    private void grow() {
        rehash(slots.length * 2);
    }

    /**
     * Growing at half full and shrinking at a sixteenth full, to a quarter full, leaves a factor of
     * two between the two, so a store whose size swings does not rehash back and forth.
     */
    private void shrinkIndexIfSparse() {
        if (slotCount() > INITIAL_SLOTS && size < slotCount() / 16) {
            rehash(2 * Math.max(INITIAL_SLOTS, Integer.highestOneBit(Math.max(1, size * 4 - 1)) << 1));
        }
    }

    /** The number of index slots (for tests: the index gives back what a peak grew). */
    int indexSlots() {
        return slotCount();
    }

    private void rehash(int longs) {
        long[] old = slots;
        slots = new long[longs];
        for (int s = 0; s < old.length; s += 2) {
            if (old[s] != 0) {
                place(old[s], old[s + 1]);
            }
        }
    }

    private static int home(long hash, int mask) {
        return (int) hash & mask;
    }

    private static long ref(int sequence, int offset) {
        return (long) sequence << 32 | offset;
    }

    private static int sequenceOf(long ref) {
        return (int) (ref >>> 32);
    }

    private static int offsetOf(long ref) {
        return (int) ref;
    }

    private static byte[] bytes(ByteBuffer b, int at, int length) {
        byte[] out = new byte[length];
        b.get(at, out);
        return out;
    }

    private static InetSocketAddress socket(byte[] address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Kept address of " + address.length + " bytes", e);
        }
    }

    private static byte[] keyBytes(ServerTransactionKey.Branch key) {
        // a space separates the parts: it occurs in none of them (tokens and host:port)
        return (key.branch() + ' ' + key.sentBy() + ' ' + key.method()).getBytes(StandardCharsets.UTF_8);
    }

    /** A 64-bit hash of the key, never 0 (the free-slot mark), computed without allocating. */
    static long hash(ServerTransactionKey.Branch key) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, key.branch());
        h = mix(h, key.sentBy());
        h = mix(h, key.method());
        // MurmurHash3's 64-bit finaliser, so that the low bits used for the slot depend on every char
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ ' ') * 0x100000001b3L;
    }
}
