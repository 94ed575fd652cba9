package org.switchboard.server.warmup;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;

/**
 * The phone the synthetic calls ring: answers every INVITE 180 and 200 at once, and every BYE 200,
 * on its own thread until closed.
 */
final class SyntheticCallee implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress local;
    private final String contact;
    private final Thread thread;
    private volatile boolean open = true;

    SyntheticCallee(InetSocketAddress bindTo, String user) throws SocketException {
        this.socket = new DatagramSocket(bindTo);
        socket.setSoTimeout(100);
        socket.setReceiveBufferSize(SyntheticPhones.SOCKET_BUFFER_BYTES);
        this.local = (InetSocketAddress) socket.getLocalSocketAddress();
        this.contact = "sip:" + user + "@" + local.getHostString() + ":" + local.getPort();
        this.thread = new Thread(this::answer, "switchboard-warmup-callee");
        thread.setDaemon(true);
    }

    InetSocketAddress local() {
        return local;
    }

    DatagramSocket socket() {
        return socket;
    }

    /** Starts answering; the callee must be registered first, over {@link #socket()}. */
    void start() {
        thread.start();
    }

    private void answer() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (open) {
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return; // closed
            }
            SipMessage message = SipText.parse(buffer, packet.getLength());
            if (message instanceof SipRequest request) {
                try {
                    respond(request, (InetSocketAddress) packet.getSocketAddress());
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    private void respond(SipRequest request, InetSocketAddress to) throws IOException {
        if (request.isMethod(SipMethod.INVITE)) {
            String tag = SipText.newTag();
            send(SipText.response(request, 180, "Ringing", tag, contact, null), to);
            send(SipText.response(request, 200, "OK", tag, contact, SipText.sdp(local)), to);
        } else if (request.isMethod(SipMethod.BYE)) {
            send(SipText.response(request, 200, "OK", null, null, null), to);
        }
    }

    private void send(byte[] datagram, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
    }

    @Override
    public void close() {
        open = false;
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
