package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateHoldersTests {

    @Test
    void names_keepTheirFirstAndLastCharacter() {
        assertThat(CertificateHolders.mask("张小明")).isEqualTo("张*明");
        assertThat(CertificateHolders.mask("张三")).isEqualTo("张*");
        assertThat(CertificateHolders.mask("欧阳小明")).isEqualTo("欧**明");
        assertThat(CertificateHolders.mask("买买提·艾力")).isEqualTo("买****力");
        assertThat(CertificateHolders.mask(" 李 ")).isEqualTo("*");
        assertThat(CertificateHolders.mask(null)).isEmpty();
    }
}
