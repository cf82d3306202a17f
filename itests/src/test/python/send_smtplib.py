#!/usr/bin/env python3
"""Sends one message with Python's smtplib: EHLO, SIZE (added by smtplib when offered) and the
DSN parameters of RFC 3461 (RET, ENVID on MAIL; NOTIFY, ORCPT on RCPT).
Usage: send_smtplib.py HOST PORT SUBJECT
Prints FEATURE=<name> lines for the EHLO keywords, then RESULT=ok or RESULT=<error>; exit 0 on 250."""
import smtplib
import sys
from email.message import EmailMessage


def main():
    host, port, subject = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    msg = EmailMessage()
    msg["From"] = "py@client.example"
    msg["To"] = "user@example.com"
    msg["Subject"] = subject
    msg["Message-ID"] = "<%s@client.example>" % subject
    msg.set_content("sent by smtplib\n")
    with smtplib.SMTP(host, port, local_hostname="python.itest.example", timeout=15) as smtp:
        code, _ = smtp.ehlo()
        print("EHLO=%d" % code)
        for name in sorted(smtp.esmtp_features):
            print("FEATURE=%s %s" % (name, smtp.esmtp_features[name].strip()))
        try:
            refused = smtp.send_message(
                msg,
                mail_options=["RET=HDRS", "ENVID=itest-envid-" + subject],
                rcpt_options=["NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;user@example.com"])
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
