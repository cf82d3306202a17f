package org.mailroot.api.log;

import java.time.Instant;
import java.util.Objects;

/**
 * One protocol or delivery event, with the fields the IIS log formats need.
 *
 * @param time when it happened
 * @param type what happened
 * @param sessionId the SMTP session, empty for delivery events
 * @param listenerName the virtual server, or {@code "delivery"}/{@code "pickup"}
 * @param clientAddress the peer's IP address (the remote MTA for delivery events)
 * @param user the authenticated user, empty if none
 * @param messageId the queue id, empty when no message is involved
 * @param command the SMTP verb (EHLO, MAIL...) or the transport name
 * @param argument the command's argument or the recipient; never a password
 * @param replyCode the SMTP reply code sent or received, 0 if none
 * @param replyText the reply text
 * @param bytesIn bytes received for this event
 * @param bytesOut bytes sent for this event
 * @param elapsedMillis time taken
 */
public record MailEvent(Instant time, Type type, String sessionId, String listenerName,
        String clientAddress, String user, String messageId, String command, String argument,
        int replyCode, String replyText, long bytesIn, long bytesOut, long elapsedMillis) {

    /** Kinds of event. */
    public enum Type { CONNECT, COMMAND, DISCONNECT, RECEIVED, DELIVERED, DEFERRED, FAILED }

    public MailEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        sessionId = sessionId == null ? "" : sessionId;
        listenerName = listenerName == null ? "" : listenerName;
        clientAddress = clientAddress == null ? "" : clientAddress;
        user = user == null ? "" : user;
        messageId = messageId == null ? "" : messageId;
        command = command == null ? "" : command;
        argument = argument == null ? "" : argument;
        replyText = replyText == null ? "" : replyText;
    }
}
