package org.ownersvote.notification.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The providers messages go to, as real servers in this JVM: an SMTP server (GreenMail), and one HTTP server playing
 * the SMS provider (the contract of MESSAGES.md, deduplicating by requestId) and WeChat Work's group robot API.
 * Tests steer and read them through /_control endpoints over HTTP, which works whatever class loader a test runs in.
 */
public class ProviderServers implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "test-key";
    static final String BAD_ROBOT_KEY = "revoked-robot-key";

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer http;
    private int smtpPort;
    private GreenMail smtp;
    private final List<Map<String, Object>> mails = new ArrayList<>();

    // SMS provider state
    private final Map<String, String> messageIdByRequest = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> smsDelivered = new ArrayList<>();
    private int smsRequests;
    private final Set<String> refusedPhones = ConcurrentHashMap.newKeySet();
    private final List<Map<String, Object>> robotMessages = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            smtpPort = freePort();
            startSmtp();
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/sms/send", this::sms);
            http.createContext("/cgi-bin/webhook/send", this::robot);
            http.createContext("/_control", this::control);
            http.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("ownersvote.test.webhooks-port", Integer.toString(http.getAddress().getPort()));
        config.put("ownersvote.test.smtp-port", Integer.toString(smtpPort));
        return config;
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop(0);
        }
        stopSmtp();
    }

    private synchronized void sms(HttpExchange exchange) throws IOException {
        smsRequests++;
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, Map.of("code", "UNAUTHORIZED", "message", "bad API key"));
            return;
        }
        JsonNode request = json.readTree(read(exchange));
        String requestId = request.path("requestId").asText();
        String phone = request.path("phone").asText();
        if (refusedPhones.contains(phone)) {
            reply(exchange, 200, Map.of("code", "MOBILE_NUMBER_ILLEGAL", "message", "手机号码格式错误或已停机"));
            return;
        }
        String messageId = messageIdByRequest.get(requestId);
        if (messageId == null) { // a repeated requestId is the same message: answered, not sent again
            messageId = "sms-" + (messageIdByRequest.size() + 1);
            messageIdByRequest.put(requestId, messageId);
            Map<String, Object> delivered = new LinkedHashMap<>();
            delivered.put("requestId", requestId);
            delivered.put("phone", phone);
            delivered.put("templateId", request.path("templateId").asText());
            delivered.put("signName", request.path("signName").asText());
            delivered.put("params", json.convertValue(request.path("params"), Map.class));
            smsDelivered.add(delivered);
        }
        reply(exchange, 200, Map.of("code", "OK", "messageId", messageId));
    }

    private synchronized void robot(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String key = query != null && query.startsWith("key=") ? query.substring(4) : "";
        if (key.equals(BAD_ROBOT_KEY)) {
            reply(exchange, 200, Map.of("errcode", 93000, "errmsg", "invalid webhook url"));
            return;
        }
        JsonNode request = json.readTree(read(exchange));
        robotMessages.add(Map.of("key", key, "msgtype", request.path("msgtype").asText(),
                "content", request.path("markdown").path("content").asText()));
        reply(exchange, 200, Map.of("errcode", 0, "errmsg", "ok"));
    }

    private synchronized void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/_control".length());
        String query = exchange.getRequestURI().getQuery();
        switch (path) {
            case "/sms" -> reply(exchange, 200, Map.of("delivered", smsDelivered, "requests", smsRequests));
            case "/sms/refuse" -> {
                refusedPhones.add(query.substring("phone=".length()));
                reply(exchange, 200, Map.of());
            }
            case "/sms/accept" -> {
                refusedPhones.remove(query.substring("phone=".length()));
                reply(exchange, 200, Map.of());
            }
            case "/robot" -> reply(exchange, 200, Map.of("messages", robotMessages));
            case "/smtp" -> reply(exchange, 200, Map.of("mails", mails()));
            case "/smtp/stop" -> {
                stopSmtp();
                reply(exchange, 200, Map.of());
            }
            case "/smtp/start" -> {
                startSmtp();
                reply(exchange, 200, Map.of());
            }
            default -> reply(exchange, 404, Map.of());
        }
    }

    private void startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    private void stopSmtp() {
        if (smtp != null) {
            mails.addAll(received(smtp));
            smtp.stop();
            smtp = null;
        }
    }

    private List<Map<String, Object>> mails() {
        List<Map<String, Object>> all = new ArrayList<>(mails);
        if (smtp != null) {
            all.addAll(received(smtp));
        }
        return all;
    }

    private static List<Map<String, Object>> received(GreenMail server) {
        List<Map<String, Object>> list = new ArrayList<>();
        try {
            for (MimeMessage m : server.getReceivedMessages()) {
                list.add(Map.of("to", m.getAllRecipients()[0].toString(), "subject", m.getSubject(),
                        "body", String.valueOf(m.getContent()).strip(), "messageId", m.getMessageID()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
