#!/usr/bin/env python3
"""Authenticates with Python's smtplib over TLS (certificate and name checked) and sends one message.
Usage: auth_tls.py starttls|implicit ADDRESS PORT SERVERNAME CAFILE MECH USER SUBJECT
(the password is read from stdin). MECH is "login" (smtp.login(), which picks the mechanism the
way a mail program does) or a mechanism to force: PLAIN, LOGIN, CRAM-MD5.
Prints EHLO_BEFORE=<keywords>, AUTH_BEFORE=<mechanisms>, STARTTLS=<code>, TLS=<version>,
AUTH_AFTER=<mechanisms>, AUTH=<code> (235 or the error code), then RESULT=ok or RESULT=<error>
after a successful AUTH. Exit 0 when the script ran to its end."""
import smtplib
import socket
import sys
import ssl
from email.message import EmailMessage


def pinned(base, address):
    """Connects to ADDRESS whatever the host name: the name is only used for SNI and the check."""
    class Pinned(base):
        def _get_socket(self, host, port, timeout):
            sock = socket.create_connection((address, port), timeout)
            if base is smtplib.SMTP_SSL:
                return self.context.wrap_socket(sock, server_hostname=host)
            return sock
    return Pinned


def main():
    mode, address, port, servername, cafile, mech, user, subject = sys.argv[1:9]
    password = sys.stdin.readline().rstrip("\n")
    context = ssl.create_default_context(cafile=cafile)
    if mode == "implicit":
        smtp = pinned(smtplib.SMTP_SSL, address)(servername, int(port), local_hostname="python.itest.example",
                                                   timeout=15, context=context)
    else:
        smtp = pinned(smtplib.SMTP, address)(servername, int(port), local_hostname="python.itest.example", timeout=15)
    with smtp:
        smtp.ehlo()
        print("EHLO_BEFORE=%s" % " ".join(sorted(smtp.esmtp_features)))
        print("AUTH_BEFORE=%s" % smtp.esmtp_features.get("auth", "").strip())
        if mode == "starttls":
            code, _ = smtp.starttls(context=context)
            print("STARTTLS=%d" % code)
            smtp.ehlo()
        print("TLS=%s" % smtp.sock.version())
        print("AUTH_AFTER=%s" % smtp.esmtp_features.get("auth", "").strip())
        try:
            if mech == "login":
                code, _ = smtp.login(user, password)
            else:
                smtp.user, smtp.password = user, password
                method = getattr(smtp, "auth_" + mech.lower().replace("-", "_"))
                code, _ = smtp.auth(mech, method, initial_response_ok=(mech == "PLAIN"))
            print("AUTH=%d" % code)
        except smtplib.SMTPAuthenticationError as e:
            print("AUTH=%d %s" % (e.smtp_code, e.smtp_error.decode("utf-8", "replace")))
            return 0
        msg = EmailMessage()
        msg["From"] = user
        msg["To"] = "user@example.com"
        msg["Subject"] = subject
        msg.set_content("sent by smtplib over TLS after AUTH\n")
        try:
            smtp.send_message(msg)
            print("RESULT=ok")
        except smtplib.SMTPException as e:
            print("RESULT=%r" % (e,))
    return 0


if __name__ == "__main__":
    sys.exit(main())
