package org.newslens.nlp.service;

import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This process as the holder of job leases (nlp.jobs.lease_owner): host and pid for whoever reads the
 * table, and a random part so that a restarted process, even with the same pid, never passes for the old one.
 */
@Singleton
public class LeaseOwner {

    private final String name = host() + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
