package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.imageio.ImageIO;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The community page's short address on the notice-board poster, and its QR code. */
@QuarkusTest
class CommunityPageTest {

    @Test
    void theShortAddressOpensTheCommunityPageOfTheWebClient() {
        given().redirects().follow(false).get("/c/k7q2mx").then().statusCode(303)
                .header("Location", Matchers.endsWith("/#/c/K7Q2MX"));
    }

    @Test
    void thePostersQrCodeHoldsTheShortAddress() throws Exception {
        byte[] png = given().get("/c/K7Q2MX/qr.png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                ImageIO.read(new ByteArrayInputStream(png))))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
        assertEquals("http://localhost:" + RestAssured.port + "/c/K7Q2MX", text);
    }

    @Test
    void somethingThatIsNoCodeIsNotFoundAndNeverRedirected() {
        given().redirects().follow(false).header("Accept-Language", "zh-CN").get("/c/no_code").then()
                .statusCode(404).body("detail", equalTo("小区页面 no_code 不存在"));
    }
}
