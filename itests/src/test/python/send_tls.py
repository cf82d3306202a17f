#!/usr/bin/env python3
"""Sends one message with Python's smtplib over TLS, checking the server's certificate against a
CA file and the server name (as a mail client does).
Usage: send_tls.py starttls|implicit ADDRESS PORT SERVERNAME CAFILE SUBJECT
ADDRESS is where to connect (127.0.0.1); SERVERNAME is the name the certificate must carry, sent
with SNI (like an /etc/hosts entry pointing SERVERNAME at ADDRESS).
Prints EHLO_BEFORE=<keywords>, TLS=<version> <cipher>, EHLO_AFTER=<keywords>, RESULT=ok; exit 0 on 250."""
import smtplib
import socket
import ssl
import sys
from email.message import EmailMessage


def pinned(base, address):
    """An SMTP class that connects to ADDRESS whatever the host name, so the name is only used
    for SNI and the certificate check."""
    class Pinned(base):
        def _get_socket(self, host, port, timeout):
            sock = socket.create_connection((address, port), timeout)
            if base is smtplib.SMTP_SSL:
                return self.context.wrap_socket(sock, server_hostname=host)
            return sock
    return Pinned


def main():
    mode, address, port, servername, cafile, subject = sys.argv[1:7]
    context = ssl.create_default_context(cafile=cafile)  # verifies the chain and the name
    msg = EmailMessage()
    msg["From"] = "py@client.example"
    msg["To"] = "user@example.com"
    msg["Subject"] = subject
    msg.set_content("sent by smtplib over TLS\n")
    if mode == "implicit":
        smtp = pinned(smtplib.SMTP_SSL, address)(servername, int(port), local_hostname="python.itest.example",
                                                   timeout=15, context=context)
    else:
        smtp = pinned(smtplib.SMTP, address)(servername, int(port), local_hostname="python.itest.example", timeout=15)
    with smtp:
        smtp.ehlo()
        print("EHLO_BEFORE=%s" % " ".join(sorted(smtp.esmtp_features)))
        if mode == "starttls":
            code, _ = smtp.starttls(context=context)
            print("STARTTLS=%d" % code)
            smtp.ehlo()
            print("EHLO_AFTER=%s" % " ".join(sorted(smtp.esmtp_features)))
        print("TLS=%s %s" % (smtp.sock.version(), smtp.sock.cipher()[0]))
        try:
            refused = smtp.send_message(msg)
        except smtplib.SMTPException as e:
            print("RESULT=%r" % (e,))
            return 1
        if refused:
            print("RESULT=refused %r" % (refused,))
            return 1
        print("RESULT=ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
