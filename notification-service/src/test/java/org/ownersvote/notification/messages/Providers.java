package org.ownersvote.notification.messages;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

/** The test's side of {@link ProviderServers}: what the providers received, and switches to make them fail. */
final class Providers {

    private Providers() {
    }

    static String base() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("ownersvote.test.webhooks-port", String.class)
                + "/_control";
    }

    static List<Map<String, Object>> sms() {
        return given().get(base() + "/sms").then().statusCode(200).extract().path("delivered");
    }

    static int smsRequests() {
        return given().get(base() + "/sms").then().statusCode(200).extract().path("requests");
    }

    static List<Map<String, Object>> robot() {
        return given().get(base() + "/robot").then().statusCode(200).extract().path("messages");
    }

    static List<Map<String, Object>> mails() {
        return given().get(base() + "/smtp").then().statusCode(200).extract().path("mails");
    }

    static void refuseSms(String phone) {
        given().post(base() + "/sms/refuse?phone=" + phone).then().statusCode(200);
    }

    static void acceptSms(String phone) {
        given().post(base() + "/sms/accept?phone=" + phone).then().statusCode(200);
    }

    static void smtpDown() {
        given().post(base() + "/smtp/stop").then().statusCode(200);
    }

    static void smtpUp() {
        given().post(base() + "/smtp/start").then().statusCode(200);
    }

    static List<Map<String, Object>> smsTo(String phone) {
        return sms().stream().filter(s -> phone.equals(s.get("phone"))).toList();
    }

    static List<Map<String, Object>> mailsTo(String address) {
        return mails().stream().filter(m -> address.equals(m.get("to"))).toList();
    }
}
