package org.switchboard.server.tls;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** Trusts every server, so that a test can look at whatever certificate it presents. */
final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // a client trust manager is not used by a client
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // every certificate is looked at, none is judged
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
