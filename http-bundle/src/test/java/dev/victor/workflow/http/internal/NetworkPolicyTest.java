package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address classes refused by default, and the allow-list's globs. Literal addresses only: no DNS. */
class NetworkPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1",
            "224.0.0.1", "ff02::1", "100.64.0.1", "100.127.255.255", "0.1.2.3", "192.0.0.8", "198.18.0.1",
            "240.0.0.1", "255.255.255.255", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::127.0.0.1",
            "64:ff9b::a00:1", "2002:7f00:1::1"})
    void nonPublicAddressesAreRestricted(String literal) throws UnknownHostException {
        assertThat(NetworkPolicy.restriction(InetAddress.getByName(literal))).as(literal).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "2001:4860:4860::8888", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesAreNot(String literal) throws UnknownHostException {
        assertThat(NetworkPolicy.restriction(InetAddress.getByName(literal))).as(literal).isNull();
    }

    @Test
    void globsMatchWholeHostsCaseInsensitively() {
        NetworkPolicy policy = new NetworkPolicy(List.of("*.example.com", "api.example.org", "10.1.?.*", "[::1]"),
                true);

        assertThat(policy.hostAllowed("a.example.com")).isTrue();
        assertThat(policy.hostAllowed("a.b.example.com")).isTrue();
        assertThat(policy.hostAllowed(NetworkPolicy.normalizeHost("A.Example.COM."))).isTrue();
        assertThat(policy.hostAllowed("example.com")).isFalse();
        assertThat(policy.hostAllowed("example.com.evil.net")).isFalse();
        assertThat(policy.hostAllowed("evil-example.com")).isFalse();
        assertThat(policy.hostAllowed("api.example.org")).isTrue();
        assertThat(policy.hostAllowed("apixexample.org")).isFalse();   // the dot is literal
        assertThat(policy.hostAllowed("10.1.2.3")).isTrue();
        assertThat(policy.hostAllowed("10.1.23.4")).isFalse();
        assertThat(policy.hostAllowed(NetworkPolicy.normalizeHost("[::1]"))).isTrue();
        assertThat(new NetworkPolicy(List.of("*"), true).hostAllowed("anything.at.all")).isTrue();
        assertThat(new NetworkPolicy(List.of(), true).hostAllowed("example.com")).isFalse();
    }

    @Test
    void everyResolvedAddressIsChecked() {
        NetworkPolicy.Resolver twoAnswers = host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")};
        NetworkPolicy policy = new NetworkPolicy(List.of("*"), false, twoAnswers, NetworkPolicy::restriction);

        assertThatThrownBy(() -> policy.check(URI.create("https://mixed.example.com/"), "https://mixed.example.com/"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("'mixed.example.com' resolves to 10.0.0.7, a private address");
    }

    @Test
    void anUnresolvableHostIsUnavailable() {
        NetworkPolicy policy = new NetworkPolicy(List.of("*"), false, host -> {
            throw new UnknownHostException(host);
        }, NetworkPolicy::restriction);

        assertThatThrownBy(() -> policy.check(URI.create("https://nowhere.invalid/"), "https://nowhere.invalid/"))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch https://nowhere.invalid/: the host 'nowhere.invalid' cannot be resolved");
    }

    @Test
    void allowingPrivateNetworksSkipsTheAddressCheckButNotTheAllowList() throws UnknownHostException {
        NetworkPolicy policy = new NetworkPolicy(List.of("intranet.local"), true,
                host -> new InetAddress[] {InetAddress.getByName("10.0.0.7")}, NetworkPolicy::restriction);

        assertThat(policy.check(URI.create("http://intranet.local/"), "http://intranet.local/")).hasSize(1);
        assertThatThrownBy(() -> policy.check(URI.create("http://other.local/"), "http://other.local/"))
                .hasMessageContaining("not in the allow-list");
    }
}
