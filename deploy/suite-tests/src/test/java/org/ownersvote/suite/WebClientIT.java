package org.ownersvote.suite;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ownersvote.verifier.Verifier;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The web client in a real browser (Debian's Chromium, headless) against the whole suite: a working group imports
 * a roster and opens nomination; a building leader on a 360 px phone records a handout (and undoes another); two
 * counters enter a ballot differently and a scrutineer resolves the conflict; an owner opens the QR code's address,
 * checks the ballot and votes online. Each page is kept as a screenshot in target/screenshots, and each is checked
 * with axe-core: no serious or critical accessibility violation on any page (every finding in axe-findings.txt).
 */
class WebClientIT {

    static final String PASSWORD = "suite2026staff";
    static final Path SHOTS = Path.of("target/screenshots");

    private static Suite suite;
    private static SuiteClient client;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path downloads;
    /** The serious and critical axe-core violations of every page this test visited; none is allowed. */
    private final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.start();
        client = new SuiteClient(suite);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @BeforeEach
    void openTheBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        downloads = Files.createTempDirectory("ownersvote-downloads");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary(System.getProperty("ownersvote.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + Files.createTempDirectory("ownersvote-chromium"),
                "--window-size=1280,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("ownersvote.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        assertTrue(accessibility.isEmpty(),
                "serious or critical accessibility violations:\n" + String.join("\n", accessibility));
    }

    @Test
    void aWorkingGroupImportsTheRosterCreatesAnElectionAndOpensNomination() throws Exception {
        String admin = client.login("admin", Suite.ADMIN_PASSWORD);
        String community = client.community(admin, "网页小区");
        String wg = account(admin, "working-group", community, null, List.of());

        signIn(wg);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "网页小区"));
        shot("01-working-group-home");
        browser.findElement(By.name("roster")).sendKeys(Path.of(System.getProperty("ownersvote.root"),
                "election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv").toRealPath().toString());
        browser.findElement(By.name("roster")).findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-result"), "900"));
        shot("02-roster-imported");

        button("创建").click();
        wait.until(ExpectedConditions.urlMatches("#/wg/[0-9a-f-]{36}$"));
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "筹备"));
        shot("03-election-draft");
        browser.findElement(By.cssSelector("button[data-to='NOMINATION']")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(dialog.getText().contains("业主名册将被锁定") && dialog.getText().contains("不可撤销"), dialog.getText());
        shot("03b-confirm-nomination");
        dialog.findElement(By.cssSelector("[data-cancel]")).click(); // cancelled: nothing happens
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
        assertEquals("筹备", browser.findElement(By.id("phase")).getText());
        move("NOMINATION", "候选人推荐");
        WebElement moved = wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-feedback='phase']")));
        assertEquals("已进入：候选人推荐", moved.getText());
        assertInView(By.cssSelector("[data-feedback='phase']"));
        assertTrue(browser.findElement(By.id("phase-help")).getText().contains("现在要做"), "what to do now");
        assertTrue(browser.findElement(By.id("phase-help")).getText().contains("下一步"), "what comes next");
        // the page takes the focus after navigation, without a frame around all of it
        assertEquals("none", ((JavascriptExecutor) browser).executeScript(
                "const m = document.getElementById('main'); m.focus(); return getComputedStyle(m).outlineStyle;"));
        shot("04-nomination-open");
        // every API request says the page's language: the services answer problem details in it
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("""
                window.__ovLanguages = [];
                window.__ovFetch = window.__ovFetch || window.fetch;
                window.fetch = function (path, init) {
                  window.__ovLanguages.push(((init || {}).headers || {})['Accept-Language'] || 'none');
                  return window.__ovFetch.apply(this, arguments);
                };
                window.dispatchEvent(new HashChangeEvent('hashchange'));""");
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "候选人推荐"));
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "Nomination"));
        List<?> languages = (List<?>) page.executeScript("return window.__ovLanguages;");
        assertTrue(languages.contains("zh-CN") && languages.contains("en") && !languages.contains("none"),
                languages.toString());
        shot("04a-nomination-in-english");
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "候选人推荐"));
        assertEquals(List.of(), rawWords());
        String election = browser.getCurrentUrl().replaceAll(".*#/wg/", "");
        client.api(client.login(wg, PASSWORD)).get("/api/elections/" + election).then().statusCode(200)
                .body("phase", equalTo("NOMINATION")).body("frozen", equalTo(true));

        // the street office sees it, read-only, among its street's communities
        String office = "street-" + UUID.randomUUID().toString().substring(0, 8);
        client.api(admin).body(Map.of("username", office, "password", PASSWORD, "displayName", "真如镇街道办",
                "roles", List.of("street-office"), "communities", List.of(community)))
                .post("/api/admin/users").then().statusCode(201);
        signIn(office);
        WebElement street = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("street")));
        street.clear();
        street.sendKeys("真如镇街道");
        button("查看").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("street-elections"), "候选人推荐"));
        shot("04b-street-office-overview");
    }

    @Test
    void aWorkingGroupChoosesLeadersBuildingsFromTheRosterDisablesAnAccountAndPutsUpThePoster() throws Exception {
        String admin = client.login("admin", Suite.ADMIN_PASSWORD);
        String community = client.community(admin, "账号小区");
        String wg = account(admin, "working-group", community, null, List.of());
        String wgToken = client.login(wg, PASSWORD);
        byte[] roster = Files.readAllBytes(Path.of(System.getProperty("ownersvote.root"),
                "election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv"));
        client.api(wgToken).contentType("text/csv").body(roster).put("/api/communities/" + community + "/roster")
                .then().statusCode(200);
        Map<String, Object> body = new HashMap<>(client.electionBody(community, "账号演练"));
        body.put("drill", true);
        String election = client.api(wgToken).body(body).post("/api/elections").then().statusCode(201).extract()
                .path("id");
        String code = client.api(wgToken).get("/api/communities/" + community).then().statusCode(200).extract()
                .path("shortCode");
        // an older account naming a building the roster does not have
        String stale = account(admin, "building-leader", community, election, List.of("99号楼"));

        signIn(wg);
        browser.get(suite.gatewayUrl() + "/#/wg/" + election);
        WebElement staff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff")));
        // the header's notice board is the community's page by its short code
        wait.until(ExpectedConditions.attributeToBe(By.id("board-link"), "href", suite.gatewayUrl() + "/#/c/" + code));
        assertTrue(staff.findElement(By.cssSelector("li[data-account='" + stale + "']")).getText()
                .contains("99号楼（不在业主名册上）"));
        // buildings are chosen from the roster's list, in natural order, with their units: nothing typed
        List<String> offered = browser.findElements(By.cssSelector("[data-chooser='new-buildings'] input")).stream()
                .map(b -> b.getAttribute("value")).toList();
        assertEquals(16, offered.size(), offered.toString());
        assertEquals(List.of("1号楼", "2号楼", "3号楼"), offered.subList(0, 3));
        assertTrue(offered.indexOf("9号楼") < offered.indexOf("10号楼"), "natural order: " + offered);
        browser.findElement(By.name("staff-name")).sendKeys("王建国");
        browser.findElement(By.name("staff-username")).sendKeys("wang");
        browser.findElement(By.name("staff-password")).sendKeys(PASSWORD);
        button("创建账号").click(); // no building ticked: asked for, nothing sent
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='staff-create']"),
                "至少要负责一栋楼"));
        labelled("1号楼（72 户）").click();
        labelled("2号楼（72 户）").click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector("form.new-account")));
        shot("21-accounts-building-chooser");
        button("创建账号").click();
        WebElement wang = wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-account^='wang.']")));
        String wangLogin = wang.getAttribute("data-account");
        assertTrue(
                wang.getText().contains("楼组长") && wang.getText().contains("1号楼、2号楼") && wang.getText().contains("可以登录"),
                wang.getText());
        assertTrue(browser.findElement(By.cssSelector("[data-feedback='staff-create']")).getText().contains(wangLogin));
        assertEquals(List.of("1号楼", "2号楼"), client.api(wgToken).get("/api/elections/" + election + "/staff").then()
                .extract().path("find { it.username == '" + wangLogin + "' }.buildings"));
        // only a building leader has buildings
        new Select(browser.findElement(By.name("staff-role"))).selectByVisibleText("计票人");
        assertFalse(browser.findElement(By.cssSelector("[data-chooser='new-buildings']")).isDisplayed());
        assertEquals(List.of(), rawWords());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("staff")));
        shot("21b-accounts-listed");

        // 停用 names its consequence, then the person can no longer sign in
        wang.findElement(By.cssSelector("[data-disable]")).click();
        WebElement sure = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(
                sure.getText().contains("王建国") && sure.getText().contains("不能再登录") && sure.getText().contains("立即退出"),
                sure.getText());
        shot("22-accounts-confirm-disable");
        sure.findElement(By.cssSelector("[data-confirm]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li[data-account='" + wangLogin + "'] [data-state]"), "已停用"));
        assertTrue(browser.findElements(By.cssSelector("li[data-account='" + wangLogin + "'] [data-edit]")).isEmpty(),
                "no edit once disabled");
        assertFalse(browser.findElement(By.id("staff")).getText().contains("null"),
                browser.findElement(By.id("staff")).getText());
        shot("22b-accounts-disabled");
        assertFalse(Boolean.TRUE.equals(client.api(wgToken).get("/api/elections/" + election + "/staff").then()
                .extract().path("find { it.username == '" + wangLogin + "' }.enabled")));
        assertTrue(RestAssured.given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", wangLogin, "password", PASSWORD)).post("/api/auth/login").then().extract()
                .statusCode() >= 400,
                "a disabled account cannot sign in");

        // the short address, the community page and the poster to put up
        WebElement address = browser.findElement(By.id("short-address-text"));
        assertEquals(suite.gatewayUrl() + "/c/" + code, address.getText());
        browser.findElement(By.cssSelector("a[data-poster]")).click();
        WebElement poster = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("poster")));
        assertTrue(poster.getText().contains("账号小区") && poster.getText().contains("扫码或输入网址查看选举公告"), poster.getText());
        assertEquals(suite.gatewayUrl() + "/c/" + code, browser.findElement(By.id("poster-address")).getText());
        wait.until(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                "const i = document.querySelector('#poster img'); return i.complete && i.naturalWidth > 0;"));
        shot("23-poster-desktop");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.findElement(By.cssSelector("header.bar")).isDisplayed(), "no header on paper");
        assertFalse(browser.findElement(By.id("print")).isDisplayed(), "no buttons on paper");
        assertTrue(browser.findElement(By.cssSelector("#poster img")).isDisplayed(), "the QR code on paper");
        shot("23b-poster-print-preview");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("23c-poster-390px");

        // anyone, signed in or not, opens the printed address (any case): the community page
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.api(wgToken).get("/api/communities/" + community + "/notices")
                        .then().extract().<List<?>>path("items").size() > 0);
        browser.get(suite.gatewayUrl() + "/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(suite.gatewayUrl() + "/c/" + code.toLowerCase());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "账号小区"));
        WebElement listed = wait.until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("article[data-election='" + election + "']")));
        assertTrue(
                listed.getText().contains("账号演练") && listed.getText().contains("演练") && listed.getText().contains("筹备")
                        && listed.getText().contains("投票还没有开始"),
                listed.getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("community-notices"), "选举开始"));
        assertEquals(List.of(), rawWords());
        shot("24-community-page-390px");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        shot("24b-community-page-desktop");
        browser.get(suite.gatewayUrl() + "/#/c/ZZZZ9999");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "没有找到这个小区"));
        shot("24c-community-page-unknown-code");

        // 修改: the display name and the buildings, with the same chooser; a building not on the roster is shown to be
        // unticked (PUT /api/staff/{id})
        signIn(wg);
        browser.get(suite.gatewayUrl() + "/#/wg/" + election);
        WebElement old = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-account='" + stale + "']")));
        old.findElement(By.cssSelector("[data-edit]")).click();
        labelled("99号楼（不在业主名册上，请取消勾选）").click();
        labelled("3号楼（72 户）").click();
        WebElement name = browser.findElement(By.name("edit-name"));
        name.clear();
        name.sendKeys("李秀英（3号楼）");
        shot("25-accounts-edit");
        browser.manage().window().setSize(new Dimension(390, 844));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector("form.edit-account")));
        shot("25a-accounts-edit-390px");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        button("保存").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li[data-account='" + stale + "'] [data-buildings]"), "3号楼"));
        assertTrue(
                browser.findElement(By.cssSelector("li[data-account='" + stale + "']")).getText().contains("李秀英（3号楼）"));
        assertEquals(List.of("3号楼"), client.api(wgToken).get("/api/elections/" + election + "/staff").then()
                .extract().path("find { it.username == '" + stale + "' }.buildings"));
        shot("25b-accounts-edited");
    }

    @Test
    void aBuildingLeaderOnAPhoneRecordsAHandoutAndUndoesAnother() throws Exception {
        SuiteClient.Drill d = client.drillInVoting("楼组长演练");
        String leader = account(d.admin(), "building-leader", d.community(), d.election(), List.of("1号楼"));
        browser.manage().window().setSize(new Dimension(390, 844));
        // a leader whose account names a building the roster does not have: told so, and what to do, not an empty page
        signIn(account(d.admin(), "building-leader", d.community(), d.election(), List.of("99号楼")));
        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leader-empty")));
        assertTrue(empty.getText().contains("99号楼 没有选票") && empty.getText().contains("联系选举工作小组"), empty.getText());
        shot("05-leader-building-not-on-roster-390px");
        signIn(leader);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#units li"), 10));
        shot("05-leader-units-390px");
        List<WebElement> units = browser.findElements(By.cssSelector("#units li"));
        String first = units.get(0).getAttribute("data-serial");
        String second = units.get(1).getAttribute("data-serial");
        String third = units.get(2).getAttribute("data-serial");
        String fourth = units.get(3).getAttribute("data-serial");
        // one tap records 业主本人 / 当面, and the row says so before the tap
        assertTrue(row(first).getText().contains("业主本人 · 当面"), row(first).getText());
        // what is still to do, with counts; a unit found by its number
        assertEquals(String.valueOf(units.size()),
                browser.findElement(By.cssSelector("button[data-filter='visit'] .n")).getText());
        assertEquals("0", browser.findElement(By.cssSelector("button[data-filter='collect'] .n")).getText());
        String fifthUnit = units.get(4).findElement(By.cssSelector(".unit-head strong")).getText();
        WebElement search = browser.findElement(By.name("unit-search"));
        search.sendKeys(fifthUnit);
        wait.until(b -> browser.findElements(By.cssSelector("#units li:not([hidden])")).stream()
                .allMatch(li -> li.getText().contains(fifthUnit)));
        assertTrue(browser.findElement(By.id("shown-count")).getText().startsWith("显示 "), "how many are shown");
        shot("05b-leader-search-390px");
        setText(search, "");
        int all = units.size();
        wait.until(b -> browser.findElements(By.cssSelector("#units li:not([hidden])")).size() == all);

        // two units tapped within the undo window: each pending, each with its own undo, none covered by the toast
        row(first).findElement(By.xpath(".//button[text()='已送达']")).click();
        row(second).findElement(By.xpath(".//button[text()='已送达']")).click();
        assertEquals("待提交", row(first).findElement(By.cssSelector(".status")).getText());
        assertEquals("待提交", row(second).findElement(By.cssSelector(".status")).getText());
        assertEquals(2, browser.findElements(By.cssSelector("#toast .toast-item button")).size());
        for (String serial : List.of(first, second)) {
            assertNotCovered(row(serial).findElement(By.cssSelector("button[data-undo]")));
        }
        shot("06-leader-two-pending");
        row(second).findElement(By.cssSelector("button[data-undo]")).click();
        wait.until(ExpectedConditions
                .textToBePresentInElementLocated(By.cssSelector("li[data-serial='" + second + "']"), "已撤销"));
        assertEquals("未发放", row(second).findElement(By.cssSelector(".status")).getText());
        assertTrue(browser.findElement(By.id("toast")).getText().contains("已撤销"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li[data-serial='" + first + "'] .status"), "已送达"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("toast"))); // cleared once nothing is pending
        shot("07-leader-handout-recorded");

        // handed to a family member, into the mailbox: changed in the row before the tap
        row(third).findElement(By.cssSelector("button.choice")).click();
        row(third).findElement(By.xpath(".//label[normalize-space()='家属']/input")).click();
        row(third).findElement(By.xpath(".//label[normalize-space()='投入信箱']/input")).click();
        row(third).findElement(By.xpath(".//button[text()='已送达']")).click(); // no name yet: asked for, not sent
        wait.until(ExpectedConditions
                .textToBePresentInElementLocated(By.cssSelector("li[data-serial='" + third + "'] .feedback"), "领取人姓名"));
        row(third).findElement(By.name("recipient")).sendKeys("李梅");
        shot("07b-leader-handout-to-family");
        row(third).findElement(By.xpath(".//button[text()='已送达']")).click();
        assertNotCovered(row(third).findElement(By.cssSelector("button[data-undo]")));
        // while the toast is up, the page has room below its last row: scrolled to the end, no row button is under it
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
        units = browser.findElements(By.cssSelector("#units li"));
        assertNotCovered(units.get(units.size() - 1).findElement(By.xpath(".//button[text()='已送达']")));
        js.executeScript("window.scrollTo(0, 0)");
        wait.until(ExpectedConditions
                .textToBePresentInElementLocated(By.cssSelector("li[data-serial='" + third + "'] .status"), "已送达"));

        // undeliverable: the reason is chosen, never assumed
        row(fourth).findElement(By.xpath(".//button[text()='无法送达']")).click();
        row(fourth).findElement(By.xpath(".//button[text()='确认无法送达']")).click();
        wait.until(ExpectedConditions
                .textToBePresentInElementLocated(By.cssSelector("li[data-serial='" + fourth + "'] .feedback"), "原因"));
        row(fourth).findElement(By.xpath(".//label[normalize-space()='拒收']/input")).click();
        row(fourth).findElement(By.name("undeliverable-note")).sendKeys("业主不愿参加");
        shot("07c-leader-undeliverable-reason");
        row(fourth).findElement(By.xpath(".//button[text()='确认无法送达']")).click();
        wait.until(ExpectedConditions
                .textToBePresentInElementLocated(By.cssSelector("li[data-serial='" + fourth + "'] .status"), "无法送达"));
        shot("07d-leader-steps-recorded");

        String token = d.workingGroup();
        assertEquals("HANDED_OUT", status(token, d.election(), first));
        assertEquals("ISSUED", status(token, d.election(), second), "undone: never sent");
        assertEquals(1,
                client.query("ballot-service",
                        "select count(*) from ballot_step where serial = ? and action = 'HANDOUT'"
                                + " and relation = 'OWNER' and method = 'IN_PERSON'",
                        first));
        assertEquals(1,
                client.query("ballot-service",
                        "select count(*) from ballot_step where serial = ? and action = 'HANDOUT'"
                                + " and relation = 'FAMILY' and method = 'MAILBOX' and recipient_name = '李梅'",
                        third));
        assertEquals(1,
                client.query("ballot-service",
                        "select count(*) from ballot_step where serial = ? and action = 'UNDELIVERABLE'"
                                + " and reason = 'REFUSED: 业主不愿参加'",
                        fourth));

        // still to collect: the two handed out, counted on the filter
        browser.findElement(By.cssSelector("button[data-filter='collect']")).click();
        wait.until(b -> browser.findElements(By.cssSelector("#units li:not([hidden])")).size() == 2);
        assertEquals("2", browser.findElement(By.cssSelector("button[data-filter='collect'] .n")).getText());
        assertTrue(row(first).isDisplayed() && row(third).isDisplayed());
        shot("07e-leader-to-collect-390px");

        // the working group finds a ballot by its serial, sees its trail, voids it and reissues one (on a phone too)
        signIn(account(d.admin(), "working-group", d.community(), null, List.of()));
        browser.get(suite.gatewayUrl() + "/#/wg/" + d.election());
        WebElement lookup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("lookup-serial")));
        assertTrue(browser.findElement(By.id("phase-help")).getText().contains("作废并补发"),
                "the help names what to do now");
        lookup.sendKeys(third.toLowerCase());
        button("查找").click();
        wait.until(ExpectedConditions.textToBe(By.id("lookup-status"), "已送达"));
        assertTrue(browser.findElement(By.id("lookup-result")).getText().contains("家属"), "the trail in words");
        assertEquals(List.of(), rawWords());
        browser.findElement(By.id("void")).click(); // no reason yet: asked for, nothing sent
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='void']"),
                "请填写作废原因"));
        browser.findElement(By.name("void-reason")).sendKeys("业主说选票丢失");
        shot("07f-working-group-ballot-lookup-390px");
        browser.findElement(By.id("void")).click();
        WebElement voidDialog = wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(voidDialog.getText().contains(third) && voidDialog.getText().contains("不可撤销"), voidDialog.getText());
        voidDialog.findElement(By.cssSelector("[data-confirm]")).click();
        WebElement reissued = wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-feedback='void'].ok")));
        assertTrue(reissued.getText().contains("已作废 " + third) && reissued.getText().contains("补发新选票"),
                reissued.getText());
        assertTrue(browser.findElement(By.id("print-replacement")).isDisplayed());
        shot("07g-working-group-voided-and-reissued-390px");
        assertEquals("VOIDED", status(token, d.election(), third));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        shot("07h-working-group-voting-desktop");
    }

    @Test
    void twoCountersDisagreeAndAScrutineerResolvesTheConflict() throws Exception {
        SuiteClient.Drill d = client.drillInVoting("计票界面演练");
        String leaderToken = client.staff(d, "building-leader", List.of("1号楼"));
        String serial = client.api(leaderToken).queryParam("building", "1号楼").queryParam("size", 1)
                .get("/api/elections/" + d.election() + "/ballots").then().extract().path("[0].serial");
        client.api(leaderToken).body(Map.of("recipientName", "业主", "relation", "OWNER", "method", "IN_PERSON"))
                .post("/api/ballots/" + serial + "/handout").then().statusCode(200);
        client.api(leaderToken).body(Map.of("channel", "BALLOT_BOX")).post("/api/ballots/" + serial + "/return")
                .then().statusCode(200);
        client.api(d.workingGroup()).body(Map.of("to", "COUNTING", "reason", "演练：提前结束投票"))
                .post("/api/elections/" + d.election() + "/transitions").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> client.query("ballot-service",
                "select count(*) from election where id = ?::uuid and phase = 'COUNTING'", d.election()) == 1);
        String counterA = account(d.admin(), "counter", d.community(), d.election(), List.of());
        String counterB = account(d.admin(), "counter", d.community(), d.election(), List.of());
        String scrutineer = account(d.admin(), "scrutineer", d.community(), d.election(), List.of());

        // counter A types at once: the serial field has the focus when the page opens; the serial typed in lower case
        // is the same serial. The first two answers are "not ready yet" (503, Retry-After): the page repeats the
        // same request by itself and says so meanwhile
        signIn(counterA);
        WebElement serialInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("serial")));
        wait.until(b -> serialInput.equals(b.switchTo().activeElement()));
        answerEntriesWith(2, "urn:ownersvote:problem:ballot-service-unavailable", "计票服务正在启动");
        type(serial.toLowerCase(), Keys.ENTER);
        WebElement marks = browser.findElement(By.id("marks"));
        wait.until(b -> marks.equals(b.switchTo().activeElement()));
        type("11222", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "正在处理，稍后自动重试"));
        assertTrue(browser.findElement(By.id("alert")).getText().contains("计票服务正在启动"), "the problem's detail");
        shot("08a-counter-not-ready-repeating");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-result"), "第 1 次录入"));
        List<?> sent = (List<?>) browser.executeScript("return window.__ovSent;");
        assertEquals(3, sent.size(), "sent once and repeated twice");
        assertEquals(sent.get(0), sent.get(2), "the same request each time");
        assertTrue(sent.get(0).toString().contains("\"" + serial + "\""), "the serial as printed: " + sent.get(0));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("alert")));
        wait.until(b -> serialInput.equals(b.switchTo().activeElement()));
        assertEquals("", serialInput.getAttribute("value"));
        // running totals: this session's entries, and the election's ballots still waiting
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-entries"), "本次已录入 1 张"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-totals"), "等第二人录入 1 张"));
        shot("08-counter-first-entry");

        // a refused entry (a mistyped check digit): its refusal replaces the success line and stays next to the
        // form, the form is emptied and the serial field focused, so the next serial's digits are not taken as marks
        int last = serial.length() - 1;
        String mistyped = serial.substring(0, last) + (char) ('0' + (serial.charAt(last) - '0' + 1) % 10);
        type(mistyped, Keys.ENTER);
        wait.until(b -> marks.equals(b.switchTo().activeElement()));
        type("1", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-result"), "未保存"));
        String refusal = browser.findElement(By.id("entry-result")).getText();
        assertTrue(refusal.contains(mistyped), refusal);
        assertFalse(refusal.contains("第 1 次录入"), "the earlier success line is replaced: " + refusal);
        wait.until(b -> serialInput.equals(b.switchTo().activeElement()));
        assertEquals("", serialInput.getAttribute("value"));
        type("12");
        assertEquals("12", serialInput.getAttribute("value"), "the next serial's digits go into the serial field");
        assertTrue(
                browser.findElements(By.cssSelector("#marks td.mark")).stream()
                        .allMatch(td -> td.getText().equals("—")),
                "no marks from the serial's digits");
        assertEquals(refusal, browser.findElement(By.id("entry-result")).getText(), "the refusal stays up");
        shot("08b-counter-refused");

        // no other failed write is repeated: a 503 of another kind is answered at once and was sent once
        type(Keys.BACK_SPACE, Keys.BACK_SPACE); // Selenium's clear() would take the focus away
        answerEntriesWith(1, "urn:ownersvote:problem:service-unavailable", "服务暂不可用（测试）");
        type(serial, Keys.ENTER);
        wait.until(b -> marks.equals(b.switchTo().activeElement()));
        type("11222", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-result"), "服务暂不可用（测试）"));
        Thread.sleep(2500);
        assertEquals(1, ((List<?>) browser.executeScript("return window.__ovSent;")).size(), "not repeated");
        enterBallot(counterB, serial, "21222");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-result"), "两次不一致"));
        shot("09-counter-second-entry-conflict");

        signIn(scrutineer);
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section[data-serial='" + serial + "']")));
        // the one row where the counters differ (the first candidate) is marked and starts unchosen; the rows they
        // agree on are filled in with their mark
        List<WebElement> differing = conflict.findElements(By.cssSelector("tr.differs"));
        assertEquals(1, differing.size(), "one differing row");
        assertTrue(differing.get(0).getText().contains("不一致"), "marked in words too: " + differing.get(0).getText());
        WebElement unchosen = differing.get(0).findElement(By.tagName("select"));
        assertEquals("", unchosen.getAttribute("value"), "nothing pre-filled where they disagree");
        List<WebElement> agreed = conflict.findElements(By.cssSelector("tr:not(.differs) select"));
        assertTrue(agreed.stream().allMatch(x -> !x.getAttribute("value").isEmpty()), "agreeing rows are filled in");
        assertEquals("OPPOSE", agreed.get(agreed.size() - 1).getAttribute("value"));
        shot("10-scrutineer-conflict");
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("10a-scrutineer-conflict-390px");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        conflict.findElement(By.xpath(".//label[text()='说明']/following-sibling::input")).sendKeys("核对纸质选票原件");
        conflict.findElement(By.xpath(".//button[text()='核定并计入']")).click(); // the difference not chosen: not sent
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-feedback='conflict-" + serial + "']"), "还有不一致的项目没有选定"));
        new Select(unchosen).selectByVisibleText("同意");
        conflict.findElement(By.xpath(".//button[text()='核定并计入']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "已核定"));
        shot("11-scrutineer-resolved");
        List<?> open = client.api(client.login(scrutineer, PASSWORD))
                .get("/api/elections/" + d.election() + "/counting/conflicts").then().statusCode(200).extract()
                .path("");
        assertTrue(open.isEmpty(), "no conflict left");
    }

    @Test
    void anOwnerOpensTheQrCodesAddressChecksTheBallotAndVotesOnline() throws Exception {
        SuiteClient.Drill d = client.drillInVoting("业主页面演练");
        String page = client.api(d.workingGroup()).queryParam("building", "2号楼")
                .post("/api/elections/" + d.election() + "/ballots/print").then().statusCode(200).extract().asString();
        Matcher sheet = Pattern.compile("data-serial=\"([^\"]+)\".*?<span class=\"code\">([^<]+)</span>",
                Pattern.DOTALL).matcher(page);
        assertTrue(sheet.find(), "a printed sheet with serial and code");
        String serial = sheet.group(1);
        browser.manage().window().setSize(new Dimension(390, 844));

        // from the header's link (the address stays #/owner): the ballot shows at once, without a reload
        browser.get(suite.gatewayUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//nav[@id='nav']//a[normalize-space()='业主查询与投票']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("serial"))).sendKeys(serial.toLowerCase());
        browser.findElement(By.name("code")).sendKeys(sheet.group(2));
        button("查询选票").click();
        wait.until(ExpectedConditions.textToBe(By.id("ballot-status"), "未发放"));
        shot("12a-owner-signed-in-from-the-header");
        button("退出").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));

        browser.get(suite.gatewayUrl() + "/owner?serial=" + serial);
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("code")));
        assertEquals(serial, browser.findElement(By.name("serial")).getAttribute("value"));
        code.sendKeys(sheet.group(2));
        shot("12-owner-sign-in");
        button("查询选票").click();
        wait.until(ExpectedConditions.textToBe(By.id("ballot-status"), "未发放"));
        // the header names the owner in words; the community's notice board is on the page, each notice's kind too
        assertEquals("业主 · 选票 " + serial, browser.findElement(By.id("who")).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("owner-notices"), "选举开始"));
        assertEquals("0 / 最多 5", browser.findElement(By.id("approve-count")).getText().replace("已选 ", ""));
        assertEquals(List.of(), rawWords());
        shot("13-owner-ballot-and-form");
        List<WebElement> approve = browser.findElements(By.cssSelector("input[type=radio][value=APPROVE]"));
        List<WebElement> oppose = browser.findElements(By.cssSelector("input[type=radio][value=OPPOSE]"));
        approve.get(0).click();
        approve.get(1).click();
        assertEquals("已选 2 / 最多 5", browser.findElement(By.id("approve-count")).getText());
        button("下一步：核对我的选择").click(); // not every candidate chosen yet: said, nothing else happens
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#evote .feedback"), "还有 3 项没有选择"));
        oppose.get(1).click();
        assertEquals("已选 1 / 最多 5", browser.findElement(By.id("approve-count")).getText());
        for (int i = 2; i < oppose.size(); i++) {
            oppose.get(i).click();
        }
        shot("13b-owner-choices-390px");
        button("下一步：核对我的选择").click();
        // the review lists every choice before anything is sent; the code is kept nowhere after sign-in: typed again
        WebElement review = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-list")));
        assertEquals(5, review.findElements(By.tagName("tr")).size());
        assertTrue(review.getText().contains("同意") && review.getText().contains("不同意"), review.getText());
        WebElement voteCode = browser.findElement(By.name("code"));
        assertEquals("", voteCode.getAttribute("value"));
        shot("13c-owner-review-390px");
        button("返回修改").click(); // back to the choices, still chosen
        wait.until(ExpectedConditions.textToBe(By.id("approve-count"), "已选 1 / 最多 5"));
        button("下一步：核对我的选择").click();
        voteCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("code")));
        voteCode.sendKeys(sheet.group(2));
        button("提交投票").click();
        wait.until(ExpectedConditions.textToBe(By.id("ballot-status"), "已网上投票"));
        assertTrue(browser.findElement(By.id("trail")).getText().contains("网上投票"),
                browser.findElement(By.id("trail")).getText());
        assertEquals(List.of(), rawWords());
        shot("14-owner-voted");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        shot("14b-owner-voted-desktop");
    }

    @Test
    void aWholeDrillRunsInTheBrowserFromRosterToTheEnd() throws Exception {
        long started = System.nanoTime();
        String admin = client.login("admin", Suite.ADMIN_PASSWORD);
        String community = client.community(admin, "全程演练小区");
        String wg = account(admin, "working-group", community, null, List.of());
        signIn(wg);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "全程演练小区"));
        browser.findElement(By.name("roster")).sendKeys(Path.of(System.getProperty("ownersvote.root"),
                "election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv").toRealPath().toString());
        browser.findElement(By.name("roster")).findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-result"), "900"));
        labelled("演练（不产生真实结果）").click();
        button("创建").click();
        wait.until(ExpectedConditions.urlMatches("#/wg/[0-9a-f-]{36}$"));
        String election = browser.getCurrentUrl().replaceAll(".*#/wg/", "");
        move("NOMINATION", "候选人推荐");

        // the nominee's unit is found in the roster (by an owner's name, or building then unit), then the owner is
        // chosen among the unit's owners; nominating units the same way. 1号楼 104 has two owners: 曾华丽;杨国轩
        String[][] nominees = { { "1号楼", "101", "方杰" }, { "1号楼", "102", "顾建然" }, { "1号楼", "103", "王宇浩" },
                { "1号楼", "104", "杨国轩" }, { "1号楼", "201", "赵国萱" } };
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String[] n : nominees) {
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nominate")));
            if (n[1].equals("103")) {
                pickByBuilding("nominee", n[0], n[1]);
            } else {
                pickBySearch("nominee", n[1].equals("104") ? "杨国轩" : n[2], n[0] + " " + n[1]);
            }
            WebElement chosen = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#nominee [data-choice='owner']")));
            if (n[1].equals("104")) {
                assertEquals(2, chosen.findElements(By.cssSelector("input[type=radio]")).size(),
                        "one choice per owner");
                button("推荐候选人").click(); // which owner not chosen yet: asked for, nothing sent
                wait.until(ExpectedConditions
                        .textToBePresentInElementLocated(By.cssSelector("[data-feedback='nominate']"), "哪一位业主"));
                labelled(n[2]).click();
            } else if (n[1].equals("201")) { // 孟轩;赵国萱: the one nominated is chosen
                labelled(n[2]).click();
            } else {
                assertTrue(
                        chosen.findElement(By.xpath(".//label[normalize-space()='" + n[2] + "']/input")).isSelected(),
                        "the one owner is chosen");
            }
            pickByBuilding("nominator", "1号楼", "301");
            if (n[1].equals("101")) {
                pickBySearch("nominator", "302", "1号楼 302");
                assertTrue(browser.findElement(By.id("nominators")).getText().contains("1号楼 302"));
                browser.findElement(By.cssSelector("#nominators button[aria-label='移除 1号楼 302']")).click();
                assertFalse(browser.findElement(By.id("nominators")).getText().contains("1号楼 302"));
            }
            labelled("已收到候选人承诺书").click();
            if (n[1].equals("101") || n[1].equals("104")) {
                ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", form);
                shot("14c-drill-nominate-by-roster-" + n[1] + "-390px");
                assertEquals(List.of(), rawWords());
            }
            button("推荐候选人").click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//tr[td[text()='" + n[2] + "']]//button[text()='确认']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//tr[td[text()='" + n[2] + "']]"),
                    "已确认"));
            if (n[1].equals("101")) {
                browser.manage().window().setSize(new Dimension(1280, 1000));
            }
        }
        shot("15-drill-candidates");
        move("CANDIDATE_PUBLICITY", "候选人公示");
        move("VOTING", "投票");
        await().atMost(Duration.ofSeconds(60)).until(() -> client.query("ballot-service",
                "select count(*) from ballot where election_id = ?::uuid", election) == 860);

        String leader = account(admin, "building-leader", community, election, List.of("1号楼"));
        signIn(leader);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#units li"), 10));
        List<String> serials = browser.findElements(By.cssSelector("#units li")).stream().limit(2)
                .map(li -> li.getAttribute("data-serial")).toList();
        for (String serial : serials) {
            tapAndWait(serial, "已送达", "已送达");
            tapAndWait(serial, "已收回", "已收回");
        }
        shot("16-drill-ballots-back");

        signIn(wg);
        browser.get(suite.gatewayUrl() + "/#/wg/" + election);
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "投票"));
        browser.findElement(By.name("reason")).sendKeys("演练：两张选票已收回，提前结束投票");
        browser.findElement(By.cssSelector("button[data-to='COUNTING']")).click();
        WebElement early = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(early.getText().contains("提前结束投票：投票截止前结束，此后任何选票不再接受，且不可撤销"), early.getText());
        assertTrue(early.getText().contains("演练：两张选票已收回"), "the reason is shown with the consequence");
        shot("16b-drill-confirm-early-close");
        early.findElement(By.cssSelector("[data-confirm]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "计票"));
        assertInView(By.cssSelector("[data-feedback='phase']"));

        String counterA = account(admin, "counter", community, election, List.of());
        String counterB = account(admin, "counter", community, election, List.of());
        for (String counter : List.of(counterA, counterB)) {
            for (String serial : serials) {
                enterBallot(counter, serial, "11222");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-result"), serial));
            }
        }
        assertTrue(browser.findElement(By.id("entry-result")).getText().contains("两次一致，已计入"));

        // the first scrutineer downloads the three exports from the page, runs the verifier on exactly those files
        // and pastes its whole output; a malformed code is refused by the page, a code of other figures by the server
        signIn(account(admin, "scrutineer", community, election, List.of()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger-hash")));
        assertEquals("java -jar verifier-0.1.0-SNAPSHOT.jar electorate.json ledger.jsonl tally.json",
                browser.findElement(By.id("verifier-command")).getText());
        for (String file : List.of("electorate.json", "ledger.jsonl", "tally.json")) {
            browser.findElement(By.cssSelector("button[data-export='" + file + "']")).click();
            downloaded(file);
        }
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<String> differences = Verifier.verify(json.readTree(downloaded("electorate.json").toFile()),
                Files.readAllLines(downloaded("ledger.jsonl"), StandardCharsets.UTF_8),
                json.readTree(downloaded("tally.json").toFile()));
        assertEquals(List.of(), differences, "the downloads are the exports as sent");
        String attestation = Verifier.attestation(json.readTree(downloaded("tally.json").toFile()));
        WebElement output = browser.findElement(By.name("verifier-output"));
        setText(output, "ATTESTATION (签核码): 3f9c12");
        assertTrue(browser.findElement(By.id("found-code")).getText().contains("没有找到签核码"));
        button("确认签核").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='signoff']"),
                "校验码格式不对，未提交"));
        setText(output, verifierOutput("0".repeat(64)));
        button("确认签核").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='signoff']"),
                "校验码与当前计票结果不符，未记录"));
        assertEquals(1,
                browser.findElement(By.cssSelector("[data-feedback='signoff']")).getText().split("未记录", -1).length - 1,
                "said once");
        shot("16c-drill-signoff-refused");
        setText(output, verifierOutput(attestation));
        assertTrue(browser.findElement(By.id("found-code")).getText().contains(attestation));
        button("确认签核").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "与账本一致"));

        // the second one chooses the file the verifier's output was saved in, on a phone
        String second = account(admin, "scrutineer", community, election, List.of());
        String secondToken = client.login(second, PASSWORD);
        Path saved = Files.createTempFile("verifier-output", ".txt");
        Files.writeString(saved,
                verifierOutput(SuiteClient.verifiedAttestation(() -> client.api(secondToken), election)));
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn(second);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("verifier-file"))).sendKeys(saved.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("found-code"), attestation));
        shot("16d-drill-signoff-from-file-390px");
        button("确认签核").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "与账本一致"));
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // a third one records a deliberate disagreement: its own step, a note required, confirmed
        signIn(account(admin, "scrutineer", community, election, List.of()));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details.disagree summary"))).click();
        browser.findElement(By.id("disagree")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='disagree']"),
                "请填写说明"));
        browser.findElement(By.name("disagree-note")).sendKeys("演练：核对第二张选票的签名");
        browser.findElement(By.id("disagree")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] [data-confirm]")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "与账本不一致，已记录"));
        // the page refreshes after the answer: the count is read from the page as it settles, not from a node it replaced
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signoff-count"), "2/2")); // a disagreement counts towards nothing
        shot("17-drill-tally-signed");
        signIn(account(admin, "chief-scrutineer", community, election, List.of()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger-hash")));
        button("最终确认计票结果").click();
        WebElement finalize = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(finalize.getText().contains("计票结果将锁定"), finalize.getText());
        shot("17b-drill-confirm-finalize");
        finalize.findElement(By.cssSelector("[data-cancel]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog")));
        button("最终确认计票结果").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] [data-confirm]")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='finalize']"),
                "计票结果已最终确认"));
        assertInView(By.cssSelector("[data-feedback='finalize']"));
        shot("18-drill-tally-final");

        String wgToken = client.login(wg, PASSWORD); // election-service records the final tally from its event
        await().atMost(Duration.ofSeconds(60)).until(() -> client.api(wgToken).get("/api/elections/" + election)
                .then().extract().path("ledgerHash") != null);
        signIn(wg);
        browser.get(suite.gatewayUrl() + "/#/wg/" + election);
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "计票"));
        // the tally on the election page: each candidate with bars, the quorum, CSV downloads and the print page
        WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        assertEquals(5, results.findElements(By.cssSelector("#tally-table tbody tr")).size());
        assertEquals(10, results.findElements(By.cssSelector("#tally-table .meter .fill")).size());
        assertTrue(browser.findElement(By.id("quorum")).getText().contains("不产生结果"),
                browser.findElement(By.id("quorum")).getText());
        assertTrue(results.getText().contains("当选委员") && results.getText().contains("最终结果"), results.getText());
        browser.findElement(By.cssSelector("button[data-csv='results']")).click();
        String csv = Files.readString(downloaded("选举结果.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF姓名,同意人数") && csv.contains("方杰") && csv.contains("未达到三分之二"), csv);
        browser.findElement(By.cssSelector("button[data-csv='turnout']")).click();
        String turnout = Files.readString(downloaded("各楼投票情况.csv"), StandardCharsets.UTF_8);
        assertTrue(turnout.contains("1号楼") && turnout.lines().count() > 2, turnout);
        assertEquals(List.of(), rawWords());
        shot("18a-drill-results-desktop");

        // the drawing of lots is offered only when the tally names a tie: here one is made to appear (the page's
        // fetch answers a provisional tally with a tie, and the recording of the draw), the screen is what is tested
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(
                """
                        window.__ovFetch = window.__ovFetch || window.fetch;
                        window.__ovLots = [];
                        window.fetch = async function (path, init) {
                          if (String(path).endsWith('/tally/lots')) {
                            window.__ovLots.push(String(init.body));
                            return new Response(null, { status: 204 });
                          }
                          const response = await window.__ovFetch.apply(this, arguments);
                          if (String(path).endsWith('/tally') && (!init || !init.method || init.method === 'GET')) {
                            const view = await response.clone().json();
                            const [a, b] = view.tally.candidates.map(c => c.candidateId);
                            view.provisional = true;
                            view.tally.ties = [{ candidateIds: [a, b], decides: 'SEAT', drawn: false }];
                            return new Response(JSON.stringify(view), { status: 200, headers: { 'Content-Type': 'application/json' } });
                          }
                          return response;
                        };
                        window.dispatchEvent(new HashChangeEvent('hashchange'));""");
        WebElement lots = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lots-0")));
        assertTrue(browser.findElement(By.id("tie-open")).getText().contains("抽签"));
        lots.findElement(By.xpath(".//button[text()='记录抽签结果']")).click(); // nothing chosen: said, not sent
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='lots-0']"),
                "请为每一位选定"));
        new Select(lots.findElement(By.name("lot-0"))).selectByIndex(2);
        new Select(lots.findElement(By.name("lot-1"))).selectByIndex(1);
        lots.findElement(By.name("witnesses")).sendKeys("张三、李四");
        shot("18b-drill-lots");
        lots.findElement(By.xpath(".//button[text()='记录抽签结果']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] [data-confirm]")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-feedback='lots-0']"),
                "抽签结果已记录"));
        List<?> draws = (List<?>) js.executeScript("return window.__ovLots;");
        assertEquals(1, draws.size());
        assertTrue(draws.get(0).toString().contains("\"witnesses\":[\"张三\",\"李四\"]"), draws.get(0).toString());
        js.executeScript("window.fetch = window.__ovFetch;");

        // the print page, and how it prints (the print stylesheet: no header, no buttons, the bars kept)
        browser.get(suite.gatewayUrl() + "/#/wg/" + election + "/print");
        WebElement printPage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("print-page")));
        assertTrue(printPage.getText().contains("当选委员") && printPage.getText().contains("选举工作小组（签章）"),
                printPage.getText());
        shot("18c-drill-print-page");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.findElement(By.cssSelector("header.bar")).isDisplayed(), "no header on paper");
        assertFalse(browser.findElement(By.id("print")).isDisplayed(), "no buttons on paper");
        assertTrue(browser.findElement(By.cssSelector("#print-page .meter")).isDisplayed(), "the bars on paper");
        shot("18d-drill-print-preview");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        browser.get(suite.gatewayUrl() + "/#/wg/" + election);
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "计票"));
        // the quorum was not met: publishing the result is refused, and the refusal shows by the buttons, in view
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.findElement(By.cssSelector("button[data-to='RESULT_PUBLICITY']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] [data-confirm]")))
                .click();
        WebElement refused = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-feedback='phase'].problem")));
        assertTrue(refused.getText().contains("不能进入该阶段") && refused.getText().contains("选举终止"), refused.getText());
        assertTrue(!refused.getText().contains("RESULT_PUBLICITY"), "no raw phase names: " + refused.getText());
        assertInView(By.cssSelector("[data-feedback='phase'].problem"));
        shot("18b-drill-refusal-by-the-buttons");
        browser.findElement(By.name("reason")).sendKeys("参与表决未达到三分之二");
        browser.findElement(By.cssSelector("button[data-to='FAILED']")).click();
        WebElement ending = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(ending.getText().contains("选举终止：本次选举不产生结果"), ending.getText());
        shot("18c-drill-confirm-failed");
        ending.findElement(By.cssSelector("[data-confirm]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "选举终止"));
        // the timeline shows where the election ended: 选举终止 is the current phase, after counting
        List<WebElement> steps = browser.findElements(By.cssSelector(".timeline li"));
        assertEquals(6, steps.size());
        assertEquals("选举终止", browser.findElement(By.cssSelector(".timeline li[aria-current='step']")).getText());
        // on a phone, names in the tally stay on one line
        WebElement name = browser.findElement(By.cssSelector("#tally-table th.name"));
        assertEquals("nowrap", ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(arguments[0]).whiteSpace;", name));
        Long lines = (Long) ((JavascriptExecutor) browser).executeScript("const r = document.createRange();"
                + " r.selectNodeContents(arguments[0]); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;",
                name);
        assertEquals(1L, lines, "a name on one line: " + name.getText());
        assertEquals(List.of(), rawWords());
        shot("19-drill-ended");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('results').scrollIntoView()");
        shot("19b-drill-results-390px");
        browser.get(suite.gatewayUrl() + "/#/notices/" + community);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "选举结果"));
        // every notice's kind in words: voting closed early among them
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("article[data-kind='VOTING_CLOSED_EARLY'] .kind"), "提前结束投票"));
        assertEquals(List.of(), rawWords());
        shot("20-drill-notice-board");

        // the community page: the election, its voting period, and its final result; staff see the candidates' names,
        // anyone else the participation and the verdict, with the result notice on the board
        String code = client.api(wgToken).get("/api/communities/" + community).then().statusCode(200).extract()
                .path("shortCode");
        browser.get(suite.gatewayUrl() + "/#/c/" + code);
        WebElement result = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-result='" + election + "']")));
        assertTrue(result.getText().contains("不产生结果") && result.getText().contains("方杰"), result.getText());
        WebElement article = browser.findElement(By.cssSelector("article[data-election='" + election + "']"));
        assertTrue(article.getText().contains("选举终止") && article.getText().contains("投票时间（北京时间）")
                && article.getText().contains("投票已于"), article.getText());
        assertEquals(List.of(), rawWords());
        shot("20a-community-page-result-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
        result = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-result='" + election + "']")));
        assertTrue(result.getText().contains("不产生结果") && result.getText().contains("公告栏"), result.getText());
        assertFalse(result.getText().contains("未知候选人"), result.getText());
        shot("20b-community-page-result-public-390px");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        System.out.printf("The whole drill in the browser took %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    }

    // --- helpers

    /** Moves the election on: the button, then the confirmation dialog every move asks for. */
    private void move(String to, String phaseText) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-to='" + to + "']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog[open] [data-confirm]"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("phase"), phaseText));
    }

    /** In a roster picker: searches (a unit number or an owner's name) and picks the unit "building unit" found. */
    private void pickBySearch(String picker, String words, String unit) {
        WebElement query = browser.findElement(By.name(picker + "-q"));
        query.clear();
        query.sendKeys(words);
        browser.findElement(By.cssSelector("button[data-search='" + picker + "']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "[data-results='" + picker + "'] button[data-unit='" + unit + "']"))).click();
    }

    /** In a roster picker: chooses the building, then the unit among its units. */
    private void pickByBuilding(String picker, String building, String unit) {
        new Select(browser.findElement(By.name(picker + "-building"))).selectByValue(building);
        WebElement units = browser.findElement(By.name(picker + "-unit"));
        wait.until(b -> units.isEnabled() && new Select(units).getOptions().size() > 1);
        Select select = new Select(units);
        String text = select.getOptions().stream().map(WebElement::getText)
                .filter(o -> o.equals(unit) || o.startsWith(unit + " ·")).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + unit + " in " + building));
        select.selectByVisibleText(text);
    }

    private WebElement row(String serial) {
        return browser.findElement(By.cssSelector("li[data-serial='" + serial + "']"));
    }

    /**
     * The element the locator finds comes to rest inside the viewport, not scrolled away from where the user is
     * looking. It is found afresh at each look: a note is carried through the re-render that follows a step, so the
     * node found first may have been replaced by the time it is measured.
     */
    private void assertInView(By locator) {
        String script = "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;";
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                    .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(script, d.findElement(locator)));
        } catch (TimeoutException e) {
            fail("not in view: " + locator + " " + browser.findElement(locator).getText());
        }
    }

    /** Nothing (the toast, say) lies over the middle of the button: a tap there reaches it. */
    private void assertNotCovered(WebElement button) {
        Boolean reachable = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight && !!hit && arguments[0].contains(hit);",
                button);
        assertTrue(reachable, "not covered: " + button.getText());
    }

    private void tapAndWait(String serial, String buttonText, String statusText) {
        wait.until(
                ExpectedConditions.elementToBeClickable(By.xpath("//li[@data-serial='" + serial + "']//button[text()='"
                        + buttonText + "']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li[data-serial='" + serial + "'] .status"), statusText));
    }

    private WebElement input(String label) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[text()='" + label
                        + "']/following-sibling::*[self::input or self::select or self::textarea]")));
    }

    private WebElement labelled(String text) {
        return wait.until(
                ExpectedConditions.elementToBeClickable(By.xpath("//label[normalize-space()='" + text + "']/input")));
    }

    private String account(String admin, String role, String community, String election, List<String> buildings) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD,
                "displayName", username, "roles", List.of(role), "communityId", community));
        if (election != null) {
            body.put("electionId", election);
        }
        if (!buildings.isEmpty()) {
            body.put("buildings", buildings);
        }
        client.api(admin).body(body).post("/api/admin/users").then().statusCode(201);
        return username;
    }

    private void signIn(String username) {
        browser.get(suite.gatewayUrl() + "/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();"); // the last user's session
        browser.get(suite.gatewayUrl() + "/#/login");
        browser.navigate().refresh();
        WebElement user;
        try {
            user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        } catch (TimeoutException e) {
            throw new AssertionError("no sign-in form at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(),
                    e);
        }
        user.sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        button("登录").click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("#/login")));
    }

    /**
     * Types the serial, Enter, then one key per candidate (1 approve, 2 oppose, 3 abstain), Enter to save — all
     * into whatever has the focus, as a counter at the keyboard does: the serial field has it when the page opens.
     */
    private void enterBallot(String counter, String serial, String keys) {
        signIn(counter);
        WebElement serialInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("serial")));
        wait.until(d -> serialInput.equals(d.switchTo().activeElement()));
        type(serial, Keys.ENTER);
        WebElement marks = browser.findElement(By.id("marks"));
        wait.until(d -> marks.equals(browser.switchTo().activeElement()));
        type(keys, Keys.ENTER);
    }

    /** Keys sent to the element that has the focus, one after the other. */
    private void type(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /**
     * The next {@code times} counting entries the page sends are answered 503 with this problem type and
     * Retry-After: 1 instead of reaching the suite; window.__ovSent keeps every entry the page sends from now on.
     */
    private void answerEntriesWith(int times, String type, String detail) {
        browser.executeScript(
                """
                        const [times, type, detail] = arguments;
                        window.__ovFetch = window.__ovFetch || window.fetch;
                        window.__ovSent = [];
                        let left = times;
                        window.fetch = function (path, init) {
                          if (String(path).endsWith('/counting/entries')) {
                            window.__ovSent.push(String(init.body));
                            if (left > 0) {
                              left--;
                              return Promise.resolve(new Response(JSON.stringify({ type, title: 'Not ready yet', status: 503, detail }),
                                { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } }));
                            }
                          }
                          return window.__ovFetch.apply(this, arguments);
                        };
                        """,
                times, type, detail);
    }

    private WebElement button(String text) {
        return wait
                .until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']")));
    }

    private static String status(String token, String election, String serial) {
        List<Map<String, Object>> all = client.api(token).queryParam("building", "1号楼").queryParam("size", 500)
                .get("/api/elections/" + election + "/ballots").then().statusCode(200).extract().path("");
        return all.stream().filter(b -> serial.equals(b.get("serial"))).map(b -> (String) b.get("status"))
                .findFirst().orElseThrow();
    }

    /**
     * Issue 21 item 5: the API page (/api/docs) is Swagger UI over the four OpenAPI documents, working under the
     * gateway's Content-Security-Policy (its start script is a file of the gateway's, not inline). Swagger UI is not
     * the web client: its pages are kept as screenshots but not held to the web client's axe-core check.
     */
    @Test
    void theApiPageShowsTheFourDocumentsInSwaggerUi() throws Exception {
        browser.get(suite.gatewayUrl() + "/api/docs");
        Map<String, String> summaries = new LinkedHashMap<>();
        summaries.put("gateway", "Sign in as staff");
        summaries.put("election-service", "Move an election to its next phase");
        summaries.put("ballot-service", "Record that a ballot was handed out");
        summaries.put("notification-service", "Read the notice board");
        for (Map.Entry<String, String> document : summaries.entrySet()) {
            new Select(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".topbar select"))))
                    .selectByVisibleText(document.getKey());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".swagger-ui .information-container"), "OwnersVote " + document.getKey()));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("swagger-ui"), document.getValue()));
            File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SHOTS.resolve("api-docs-" + document.getKey() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void shot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        axe(name);
    }

    /** axe-core on the page as it is now (WCAG 2.1 A and AA, best practices): serious and critical findings fail. */
    private void axe(String page) throws Exception {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser);
        StringBuilder all = new StringBuilder();
        for (Rule rule : results.getViolations()) {
            String nodes = rule.getNodes().stream().limit(4).map(n -> String.valueOf(n.getTarget()))
                    .collect(Collectors.joining("; "));
            String line = page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " — " + nodes;
            all.append(line).append('\n');
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                accessibility.add(line);
            }
        }
        synchronized (WebClientIT.class) {
            Files.writeString(SHOTS.resolve("axe-findings.txt"), all.toString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** A file the browser downloaded, once it is complete. */
    private Path downloaded(String name) {
        Path file = downloads.resolve(name);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file) && Files.size(file) > 0
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    /** What the verifier prints when everything agrees (its main method's lines), with this attestation code. */
    private static String verifierOutput(String attestation) {
        return "AGREES: the ledger's hash chain and every figure of the tally recompute exactly\n"
                + "一致：账本哈希链与计票结果的每个数字均已独立复算\n"
                + "ATTESTATION (签核码): " + attestation + "\n"
                + "Paste this code into your sign-off; it is valid only for the ledger and tally as they stand now. "
                + "请将此签核码填入签核表单；账本或计票结果变化后需重新复算。\n";
    }

    /** Puts text into a field as typing would, firing its input event (Selenium's clear() fires none). */
    private void setText(WebElement field, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", field, text);
    }

    /** Raw enum values and internal names visible on the page (none may show in Chinese mode). */
    private List<String> rawWords() {
        String text = browser.findElement(By.tagName("main")).getText() + "\n"
                + browser.findElement(By.tagName("header")).getText();
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\b([A-Z]{2,}_[A-Z_]+|ONLINE|DOOR_TO_DOOR|IN_PERSON|owner:[A-Z0-9-]+)\\b")
                .matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
