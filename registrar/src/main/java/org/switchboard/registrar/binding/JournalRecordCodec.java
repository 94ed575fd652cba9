package org.switchboard.registrar.binding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * The bytes of one binding change in the {@link BindingJournal}: whether the binding is written or
 * removed, and the whole binding (a removal needs its key, which the binding's fields make). Strings
 * are length-prefixed UTF-8, addresses their literals. Stateless.
 */
final class JournalRecordCodec {
    private static final byte UPSERT = 1;
    private static final byte REMOVAL = 2;
    /** An IPv4 or IPv6 literal as getHostAddress() writes it; anything else would be looked up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]+(%[\\w.-]+)?");

    /** A decoded record: the binding and whether it was removed. */
    record Change(Binding binding, boolean removal) {
    }

    private JournalRecordCodec() {
    }

    static byte[] encode(Binding b, boolean removal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(removal ? REMOVAL : UPSERT);
            writeString(out, b.aor().user());
            writeString(out, b.aor().host());
            writeString(out, b.contactUri());
            out.writeDouble(b.q());
            out.writeLong(b.expiresAt().toEpochMilli());
            writeString(out, b.callId());
            out.writeLong(b.cseq());
            out.writeInt(b.path().size());
            for (String hop : b.path()) {
                writeString(out, hop);
            }
            writeString(out, b.instanceId());
            out.writeInt(b.regId());
            Flow flow = b.flow();
            out.writeByte(flow.transport().ordinal());
            writeSocket(out, flow.local());
            writeSocket(out, flow.remote());
            out.writeLong(flow.connectionId());
            writeString(out, b.userAgent());
            out.writeByte(b.reach().ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    /** Decodes one record; {@link IOException} if the bytes are not one. */
    static Change decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        byte op = in.readByte();
        if (op != UPSERT && op != REMOVAL) {
            throw new IOException("Unknown journal record type " + op);
        }
        AddressOfRecord aor = new AddressOfRecord(readString(in), readString(in));
        String contactUri = readString(in);
        double q = in.readDouble();
        Instant expiresAt = Instant.ofEpochMilli(in.readLong());
        String callId = readString(in);
        long cseq = in.readLong();
        int hops = in.readInt();
        if (hops < 0 || hops > record.length) {
            throw new IOException("Bad Path count " + hops);
        }
        List<String> path = new ArrayList<>(hops);
        for (int i = 0; i < hops; i++) {
            path.add(readString(in));
        }
        String instanceId = readString(in);
        int regId = in.readInt();
        int transport = in.readUnsignedByte();
        if (transport >= Transport.values().length) {
            throw new IOException("Unknown transport " + transport);
        }
        Flow flow = new Flow(Transport.values()[transport], readSocket(in), readSocket(in), in.readLong());
        String userAgent = readString(in);
        Reach reach = readReach(in);
        try {
            return new Change(new Binding(aor, contactUri, q, expiresAt, callId, cseq, path, instanceId, regId, flow,
                    userAgent, reach), op == REMOVAL);
        } catch (RuntimeException e) {
            throw new IOException("Bad binding in journal record: " + e.getMessage(), e);
        }
    }

    /** The reach, last in a record; records written before it was kept end before it and were reached over their flow. */
    private static Reach readReach(DataInputStream in) throws IOException {
        if (in.available() == 0) {
            return Reach.FLOW;
        }
        int reach = in.readUnsignedByte();
        if (reach >= Reach.values().length) {
            throw new IOException("Unknown reach " + reach);
        }
        return Reach.values()[reach];
    }

    /** A null string is written as length -1. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("Bad string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The address as its literal (with an IPv6 scope, as the database keeps it) and the port. */
    private static void writeSocket(DataOutputStream out, InetSocketAddress socket) throws IOException {
        writeString(out, socket.getAddress().getHostAddress());
        out.writeShort(socket.getPort());
    }

    private static InetSocketAddress readSocket(DataInputStream in) throws IOException {
        String literal = readString(in);
        if (literal == null || literal.isEmpty() || !LITERAL.matcher(literal).matches()) {
            throw new IOException("Bad address in journal record: " + literal);
        }
        // a literal is parsed, never resolved
        return new InetSocketAddress(InetAddress.getByName(literal), in.readUnsignedShort());
    }
}
