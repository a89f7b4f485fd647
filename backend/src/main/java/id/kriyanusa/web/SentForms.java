package id.kriyanusa.web;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import id.kriyanusa.platform.Secrets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Sending a page's form again changes nothing new: a reload that posts again, a second
 * tap on a slow phone, a resend after a timeout. A sending is known by a hash of the
 * form's address, its fields and the CSRF token as its page showed it: Spring Security
 * masks the session's token afresh for each page it shows, so one page's form sent twice
 * hashes alike, while the same fields typed into the form shown anew do not.
 * <p>
 * The first sending claims its hash in PostgreSQL (`sent_form`, which every instance
 * reads, ADR 0016). When the page answers it by going on (a redirect, post-redirect-get),
 * the answer is kept with its notices, and a later sending of the same form gets that
 * answer without running again: the producer sees the one reply or product the first
 * made. A refused (422) or failed sending changed nothing and lets go of its claim, so
 * sending it again runs as the first did. A sending that arrives while the first is still
 * being handled waits for its answer.
 */
@Component
class SentForms implements HandlerInterceptor {

    private static final String CLAIMED = SentForms.class.getName() + ".claimed";

    /** How long a sending waits for the first one's answer. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final long POLL_MILLIS = 200;

    private final JdbcClient jdbc;

    /** How long a form's token works: as long as its session. */
    private final Duration sessionTimeout;

    private final SerializingConverter serializer = new SerializingConverter();

    private final DeserializingConverter deserializer = new DeserializingConverter();

    SentForms(JdbcClient jdbc, @Value("${server.servlet.session.timeout:8h}") Duration sessionTimeout) {
        this.jdbc = jdbc;
        this.sessionTimeout = sessionTimeout;
    }

    /** The answer of a form's first sending: where it went on to, with its notices. */
    private record Answer(String location, byte[] notices) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, InterruptedException {
        // only a page's form carries a CSRF token; an error page is no sending
        if (request.getDispatcherType() != DispatcherType.REQUEST || !"POST".equals(request.getMethod())
                || request.getParameter("_csrf") == null) {
            return true;
        }
        var hash = hash(request);
        var giveUp = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (claim(hash)) {
                request.setAttribute(CLAIMED, hash);
                return true;
            }
            var first = answer(hash);
            if (first.isPresent() && first.get().location() != null) {
                answerAgain(first.get(), request, response);
                return false;
            }
            if (System.nanoTime() > giveUp) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "The same form is still being handled");
            }
            // the first sending is being handled; when it lets go, this one claims
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!(request.getAttribute(CLAIMED) instanceof byte[] hash)) {
            return;
        }
        var location = response.getHeader(HttpHeaders.LOCATION);
        if (failure == null && location != null && HttpStatus.valueOf(response.getStatus()).is3xxRedirection()) {
            var notices = RequestContextUtils.getOutputFlashMap(request);
            jdbc.sql("update sent_form set answer = ?, notices = ? where form_hash = ?")
                .params(location, notices.isEmpty() ? null : serializer.convert(new HashMap<>(notices)), hash)
                .update();
        }
        else {
            jdbc.sql("delete from sent_form where form_hash = ?").param(hash).update();
        }
    }

    /**
     * Forgets the sendings whose forms no longer pass the CSRF check (their session has
     * ended), on one instance of the fleet per interval.
     */
    @Scheduled(fixedDelayString = "${kriyanusa.sent-forms.cleanup-interval:PT1H}",
            initialDelayString = "${kriyanusa.sent-forms.cleanup-interval:PT1H}")
    @SchedulerLock(name = "sent-forms-cleanup", lockAtLeastFor = "${kriyanusa.sent-forms.cleanup-interval:PT1H}",
            lockAtMostFor = "${kriyanusa.sent-forms.cleanup-interval:PT1H}")
    public void forgetEnded() {
        jdbc.sql("delete from sent_form where sent_at < ?").param(OffsetDateTime.now().minus(sessionTimeout)).update();
    }

    private boolean claim(byte[] hash) {
        return jdbc.sql("insert into sent_form (form_hash) values (?) on conflict do nothing")
            .param(hash)
            .update() == 1;
    }

    private Optional<Answer> answer(byte[] hash) {
        return jdbc.sql("select answer, notices from sent_form where form_hash = ?")
            .param(hash)
            .query((row, number) -> new Answer(row.getString("answer"), row.getBytes("notices")))
            .optional();
    }

    /**
     * The first sending's answer once more, with its notices for the page it leads to.
     */
    private void answerAgain(Answer first, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (first.notices() != null && deserializer.convert(first.notices()) instanceof Map<?, ?> notices) {
            notices.forEach((name, value) -> RequestContextUtils.getOutputFlashMap(request).put((String) name, value));
            RequestContextUtils.saveOutputFlashMap(first.location(), request, response);
        }
        response.sendRedirect(first.location());
    }

    /**
     * The sending's address, its fields in order of name (the CSRF token as the page
     * showed it among them) and the names and sizes of its files, each part preceded by
     * its length so that no two sendings read alike.
     */
    private static byte[] hash(HttpServletRequest request) {
        var sending = new StringBuilder();
        append(sending, request.getRequestURI());
        append(sending, String.valueOf(request.getQueryString()));
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            append(sending, name);
            for (var value : values) {
                append(sending, value);
            }
        });
        if (request instanceof MultipartHttpServletRequest multipart) {
            new TreeMap<>(multipart.getMultiFileMap()).forEach((name, files) -> {
                append(sending, name);
                files.forEach(file -> append(sending, file.getOriginalFilename() + "/" + file.getSize()));
            });
        }
        return Secrets.sha256(sending.toString());
    }

    private static void append(StringBuilder sending, String part) {
        sending.append(part.length()).append(':').append(part);
    }

}
