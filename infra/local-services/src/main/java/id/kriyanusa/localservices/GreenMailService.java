package id.kriyanusa.localservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GreenMail standalone ({@code com.icegreen:greenmail-standalone}) as a child JVM: a real
 * SMTP server on 127.0.0.1 that accepts mail for any address and keeps it in memory (a
 * mailbox appears for each recipient), and GreenMail's REST API on a second port, through
 * which the local {@code /surat} page and the tests read the caught mail. Ready when
 * {@code GET /api/service/readiness} answers 200; log in
 * {@code <data-dir>/logs/greenmail.log}.
 */
public final class GreenMailService extends ChildJvmService {

    /** Subfolder of the data folder. */
    static final String ID = "mail";

    /** The property that gives the application GreenMail's REST API. */
    public static final String API_PROPERTY = "kriyanusa.mail.local-inbox";

    private static final String NAME = "GreenMail";

    private static final String SERVER_MAIN_CLASS = "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner";

    private int smtpPort;

    private int apiPort;

    public GreenMailService(LocalServicesSettings settings) {
        super(settings, NAME, ID, "greenmail", Duration.ofSeconds(5), Duration.ofSeconds(3));
    }

    /** The REST API, http://127.0.0.1:PORT. */
    @Override
    public String url() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The SMTP port. */
    @Override
    public int port() {
        return smtpPort;
    }

    @Override
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", Integer.toString(smtpPort));
        properties.put(API_PROPERTY, url());
        return properties;
    }

    @Override
    void stopStaleProcesses() {
        ChildJvm.stopStale(NAME, runFile(".pid"), "-Djava.io.tmpdir=" + dataDir());
    }

    @Override
    void doStart() {
        Path jar = settings.mailJar();
        if (!Files.isRegularFile(jar)) {
            throw new LocalServiceException(NAME, "the GreenMail jar is missing at " + jar,
                    "build it with ./mvnw -pl backend -am process-resources (it copies greenmail-standalone into "
                            + "infra/local-services/target/greenmail), set " + LocalServicesSettings.MAIL_JAR
                            + ", or point spring.mail.host at a real SMTP server");
        }
        smtpPort = choosePort(NAME, smtpPort, settings.mailPort(), LocalServicesSettings.MAIL_PORT);
        apiPort = choosePort(NAME, apiPort, 0, LocalServicesSettings.MAIL_PORT);
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("-Xmx96m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + dataDir());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dgreenmail.smtp.hostname=127.0.0.1");
        command.add("-Dgreenmail.smtp.port=" + smtpPort);
        command.add("-Dgreenmail.api.hostname=127.0.0.1");
        command.add("-Dgreenmail.api.port=" + apiPort);
        // any sender, any recipient: each recipient's mailbox is made on arrival
        command.add("-Dgreenmail.auth.disabled");
        command.add("-cp");
        command.add(launcherClassPath(jar));
        command.add(ChildJvmMain.class.getName());
        command.add(SERVER_MAIN_CLASS);
        child = ChildJvm.start(NAME, command, dataDir(), logFile(), runFile(".pid"));
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        String readiness = url() + "/api/service/readiness";
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw failure("the GreenMail process exited with code " + child.process().exitValue());
            }
            if (Support.httpGet(readiness, Duration.ofSeconds(2)).status() == 200) {
                return;
            }
            Support.sleep(100);
        }
        throw failure("not ready after " + settings.startupTimeout().toSeconds() + " s");
    }

    private LocalServiceException failure(String what) {
        String cause = Support.causeFromLog(child.log(), line -> line.contains("Exception") || line.contains("ERROR")
                || line.contains("Address already in use"));
        return new LocalServiceException(NAME, what + cause,
                "read the log; or point spring.mail.host at a real SMTP server", logFile(), null);
    }

}
