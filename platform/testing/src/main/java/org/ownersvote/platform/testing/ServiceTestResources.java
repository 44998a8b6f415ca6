package org.ownersvote.platform.testing;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What a service's @QuarkusTest needs, started once per module: a fresh database (named after the {@code service}
 * init argument) and, unless {@code kafka} is "false", a real Kafka broker. Tests stop and restart the broker through
 * {@link Broker}, which works whichever class loader the test runs in.
 */
public class ServiceTestResources implements QuarkusTestResourceLifecycleManager {

    static final String CONTROL_NAME = "org.ownersvote.test:type=KafkaBroker";

    /** The broker's remote control, registered with the platform MBean server. */
    public interface KafkaBrokerControlMBean {
        void stopBroker();

        void startBroker();
    }

    private String service = "svc";
    private boolean kafka = true;
    private KafkaBroker broker;
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(service.replace('-', '_'));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        if (!kafka) {
            return config;
        }
        broker = KafkaBroker.startNew();
        // Through JMX, so that test classes in another class loader can reach the same broker.
        KafkaBroker started = broker;
        registerControl(new KafkaBrokerControlMBean() {
            @Override
            public void stopBroker() {
                started.stop();
            }

            @Override
            public void startBroker() {
                started.start();
            }
        });
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        unregisterControl();
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    private static void registerControl(KafkaBrokerControlMBean control) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(CONTROL_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(control, KafkaBrokerControlMBean.class), name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unregisterControl() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(CONTROL_NAME));
        } catch (JMException e) {
            // already gone
        }
    }

    /** Stops and starts the module's broker from a test. */
    public static final class Broker {
        private Broker() {
        }

        private static void invoke(String operation) {
            try {
                ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL_NAME), operation,
                        new Object[0], new String[0]);
            } catch (JMException e) {
                throw new IllegalStateException("no test broker to " + operation
                        + ": is ServiceTestResources declared for this module?", e);
            }
        }

        public static void stop() {
            invoke("stopBroker");
        }

        public static void start() {
            invoke("startBroker");
        }
    }
}
