package org.mailroot.api.spool;

/** The Mailroot folders, named as in IIS. */
public enum Folder {
    /** Files dropped here are sent as if received over SMTP. */
    PICKUP("Pickup"),
    /** Local delivery writes here. */
    DROP("Drop"),
    /** Messages accepted and not yet delivered. */
    QUEUE("Queue"),
    /** Messages that could be neither delivered nor returned, with a reason file each. */
    BADMAIL("BadMail");

    private final String directoryName;

    Folder(String directoryName) {
        this.directoryName = directoryName;
    }

    /** The folder's name under the Mailroot root. */
    public String directoryName() {
        return directoryName;
    }
}
