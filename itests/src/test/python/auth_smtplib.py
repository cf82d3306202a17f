#!/usr/bin/env python3
"""Authenticates with Python's smtplib and sends one message.
Usage: auth_smtplib.py HOST PORT MECHANISM USER SUBJECT  (the password is read from stdin)
MECHANISM is PLAIN (sent as initial response) or LOGIN (asked Username:/Password:).
Prints AUTH=<code> (235 on success, the SMTP error code otherwise), then RESULT=ok or
RESULT=<error> when authentication succeeded. Exit 0 when the script ran to its end."""
import smtplib
import sys
from email.message import EmailMessage


def main():
    host, port, mechanism, user, subject = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    password = sys.stdin.readline().rstrip("\n")
    with smtplib.SMTP(host, port, local_hostname="python.itest.example", timeout=15) as smtp:
        smtp.ehlo()
        print("FEATURE_AUTH=%s" % smtp.esmtp_features.get("auth", "").strip())
        smtp.user, smtp.password = user, password
        try:
            code, _ = smtp.auth(mechanism, getattr(smtp, "auth_" + mechanism.lower()),
                                initial_response_ok=(mechanism == "PLAIN"))
            print("AUTH=%d" % code)
        except smtplib.SMTPAuthenticationError as e:
            print("AUTH=%d" % e.smtp_code)
            return
        msg = EmailMessage()
        msg["From"] = user
        msg["To"] = "user@example.com"
        msg["Subject"] = subject
        msg.set_content("sent by smtplib after AUTH %s\n" % mechanism)
        try:
            smtp.send_message(msg)
            print("RESULT=ok")
        except smtplib.SMTPException as e:
            print("RESULT=%r" % (e,))


if __name__ == "__main__":
    main()
