package io.alertjobbridge.ui;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.alertjobbridge.api.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UiAssetsTest {

    private final UiAssets shipped = new UiAssets(UiAssetsTest.class.getClassLoader(), "ui");

    @Test
    void the_page_and_its_files_are_served_with_their_content_types() {
        assertThat(shipped.index().contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(shipped.index().content(), StandardCharsets.UTF_8)).contains("<title>alert-job-bridge");
        assertThat(shipped.find("app.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(shipped.find("charts.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(shipped.find("style.css").contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(shipped.find("favicon.svg").contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void every_file_the_page_links_to_is_served() {
        String html = new String(shipped.index().content(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?:src|href)=\"/ui/([^\"]+)\"").matcher(html);
        List<String> linked = new ArrayList<>();
        while (m.find()) {
            linked.add(m.group(1));
        }

        assertThat(linked).contains("app.js", "charts.js", "style.css", "favicon.svg");
        for (String name : linked) {
            assertThat(shipped.find(name).content()).as(name).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../application.properties", "..", ".", "./index.html", "/etc/passwd", "ui/index.html",
            "a/b.js", "a\\b.js", "..\\index.html", ".hidden.js", "index.html/", "%2e%2e%2findex.html", "index.html\u0000.js",
            "C:index.js", "~root.js", ""})
    void names_that_could_leave_the_folder_are_refused(String name) {
        assertThatThrownBy(() -> shipped.find(name)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_missing_or_overlong_name_is_refused() {
        assertThatThrownBy(() -> shipped.find(null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shipped.find("a".repeat(200) + ".js")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_file_outside_the_folder_or_of_an_unknown_type_is_never_served(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("ui"));
        Files.writeString(root.resolve("ui/page.js"), "ok();");
        Files.writeString(root.resolve("ui/secret.properties"), "password=x");
        Files.writeString(root.resolve("ui/README"), "no extension");
        Files.writeString(root.resolve("outside.js"), "leak();");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            UiAssets assets = new UiAssets(loader, "ui");

            assertThat(new String(assets.find("page.js").content(), StandardCharsets.UTF_8)).isEqualTo("ok();");
            assertThatThrownBy(() -> assets.find("../outside.js")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> assets.find("outside.js")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> assets.find("secret.properties")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> assets.find("README")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void content_types_come_from_the_extension_whatever_its_case() {
        assertThat(UiAssets.contentTypeOf("logo.PNG")).isEqualTo("image/png");
        assertThat(UiAssets.contentTypeOf("data.json")).isEqualTo("application/json");
        assertThat(UiAssets.contentTypeOf("notes.txt")).isEqualTo("text/plain; charset=utf-8");
        assertThat(UiAssets.contentTypeOf("app.jsp")).isNull();
        assertThat(UiAssets.contentTypeOf("Makefile")).isNull();
    }

    @Test
    void the_folder_must_be_a_relative_classpath_folder() {
        ClassLoader loader = UiAssetsTest.class.getClassLoader();
        assertThatThrownBy(() -> new UiAssets(loader, "/ui")).hasMessageContaining("'/ui'");
        assertThatThrownBy(() -> new UiAssets(loader, "ui/")).hasMessageContaining("'ui/'");
        assertThatThrownBy(() -> new UiAssets(loader, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
