package cn.cabr.carbon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTests {

    @Test
    void names_keepTheirFirstAndLastCharacter() {
        assertThat(PersonNames.mask("张小明")).isEqualTo("张*明");
        assertThat(PersonNames.mask("张三")).isEqualTo("张*");
        assertThat(PersonNames.mask("欧阳小明")).isEqualTo("欧**明");
        assertThat(PersonNames.mask("买买提·艾力")).isEqualTo("买****力");
        assertThat(PersonNames.mask(" 李 ")).isEqualTo("*");
        assertThat(PersonNames.mask(null)).isEqualTo("—");
    }
}
