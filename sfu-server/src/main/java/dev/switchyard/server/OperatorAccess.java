package dev.switchyard.server;

import io.netty.handler.codec.http.HttpRequest;

import dev.switchyard.signaling.auth.AdminCredential;

/**
 * Who may read what the server reveals about itself (the health details, the metrics): the holder of the admin
 * key, or anyone in development mode, where the server is open to anyone anyway.
 */
record OperatorAccess(AdminCredential admin, boolean openToAnyone) {

    boolean allows(HttpRequest request) {
        return openToAnyone || admin.authorizes(request);
    }
}
