package dev.victor.workflow.registry.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UriRedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://ada:s3cret@example.com/w.yaml | https://***@example.com/w.yaml",
            "http://token@example.com:8080/w.yaml#main | http://***@example.com:8080/w.yaml#main",
            "'cannot fetch ''https://a:b@h/x'': 404' | 'cannot fetch ''https://***@h/x'': 404'",
            "https://h/w.yaml?token=abc&x=1 | https://h/w.yaml?token=***&x=1",
            "https://h/w?access_token=abc&api_key=def&apikey=g&sig=h | https://h/w?access_token=***&api_key=***&apikey=***&sig=***",
            "https://b.s3.amazonaws.com/w?X-Amz-Credential=AK&X-Amz-Signature=99 | https://b.s3.amazonaws.com/w?X-Amz-Credential=***&X-Amz-Signature=***",
            "db://main/w;password=pw | db://main/w;password=***",
            "https://h/w?Password=x&key=y&secret=z | https://h/w?Password=***&key=***&secret=***",
            "https://h/w?keyword=x&monkey=y&page=2 | https://h/w?keyword=x&monkey=y&page=2",
            "yaml://flows/a@b.yaml | yaml://flows/a@b.yaml",
            "examples/approval.yaml | examples/approval.yaml",
            "mail me at ada@example.com | mail me at ada@example.com"})
    void hidesUserInformationAndSecretParameters(String text, String shown) {
        assertThat(UriRedaction.text(text)).isEqualTo(shown);
    }
}
