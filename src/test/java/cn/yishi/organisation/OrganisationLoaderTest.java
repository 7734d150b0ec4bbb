package cn.yishi.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The loader's validation, on small hand-written files, plus the shipped Jinniu data. */
class OrganisationLoaderTest {

  private static Organisation load(String json) {
    return OrganisationLoader.load(
        new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)),
        "test.json");
  }

  private static String unit(String code, String name, String level, String children) {
    return "{'code':'"
        + code
        + "','name':'"
        + name
        + "','level':'"
        + level
        + "','children':["
        + children
        + "]}";
  }

  private static String root(String children, String departments) {
    return "{'code':'jn','name':'金牛区','level':'DISTRICT','children':["
        + children
        + "],'departments':["
        + departments
        + "]}";
  }

  private static final String DEPT =
      "{'code':'dept-river','name':'金牛区河长制办公室','kind':'DISTRICT_OFFICE'}";

  @Test
  void loadsAValidTree() {
    Organisation org =
        load(
            root(
                unit(
                    "jn-jld",
                    "九里堤街道",
                    "STREET",
                    unit(
                        "jn-jld-jldbl",
                        "九里堤北路社区",
                        "COMMUNITY",
                        unit("jn-jld-jldbl-jhy", "菁华园", "COURTYARD", ""))),
                DEPT));
    assertThat(org.findUnit("jn-jld-jldbl-jhy").orElseThrow().parent().orElseThrow().code())
        .isEqualTo("jn-jld-jldbl");
    assertThat(org.findUnit("jn-jld-jldbl-jhy").orElseThrow().displayName())
        .isEqualTo("九里堤北路社区菁华园");
    assertThat(org.departments()).extracting(Department::code).containsExactly("dept-river");
    assertThat(org.units())
        .extracting(Unit::code)
        .containsExactly("jn", "jn-jld", "jn-jld-jldbl", "jn-jld-jldbl-jhy");
  }

  @Test
  void rejectsAChildThatSkipsALevel() {
    String json = root(unit("jn-jld", "九里堤街道", "COMMUNITY", ""), DEPT);
    assertThatThrownBy(() -> load(json))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("test.json")
        .hasMessageContaining(
            "unit 'jn-jld' has level COMMUNITY but its parent 'jn' is a DISTRICT");
  }

  @Test
  void rejectsACourtyardOutsideACommunity() {
    String json =
        root(unit("jn-jld", "九里堤街道", "STREET", unit("jn-jld-jhy", "菁华园", "COURTYARD", "")), DEPT);
    assertThatThrownBy(() -> load(json))
        .hasMessageContaining("unit 'jn-jld-jhy' is a COURTYARD under 'jn-jld' (STREET)")
        .hasMessageContaining("courtyards belong only under communities");
  }

  @Test
  void rejectsChildrenOfACourtyard() {
    String json =
        root(
            unit(
                "jn-jld",
                "九里堤街道",
                "STREET",
                unit(
                    "jn-jld-jldbl",
                    "九里堤北路社区",
                    "COMMUNITY",
                    unit(
                        "jn-jld-jldbl-jhy",
                        "菁华园",
                        "COURTYARD",
                        unit("jn-jld-jldbl-jhy-a", "二幢", "COURTYARD", "")))),
            DEPT);
    assertThatThrownBy(() -> load(json)).hasMessageContaining("'jn-jld-jldbl-jhy-a'");
  }

  @Test
  void rejectsADuplicateCode() {
    String json =
        root(
            unit("jn-jld", "九里堤街道", "STREET", unit("jn-jld-x", "甲社区", "COMMUNITY", ""))
                + ","
                + unit("jn-jld", "另一个街道", "STREET", ""),
            DEPT);
    assertThatThrownBy(() -> load(json))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("code 'jn-jld' is used twice");
  }

  @Test
  void rejectsADepartmentCodeUsedByAUnit() {
    String json =
        root(unit("jn-jld", "九里堤街道", "STREET", ""), DEPT + "," + DEPT.replace("河长制办公室", "水务局"));
    assertThatThrownBy(() -> load(json)).hasMessageContaining("code 'dept-river' is used twice");
  }

  @Test
  void rejectsBlankOrNonChineseNames() {
    String json =
        root(
            unit("jn-jld", "  ", "STREET", "") + "," + unit("jn-smq", "Simaqiao", "STREET", ""),
            "{'code':'dept-x','name':'','kind':'POLICE'}");
    assertThatThrownBy(() -> load(json))
        .hasMessageContaining("unit 'jn-jld' has no name")
        .hasMessageContaining("unit 'jn-smq' has name 'Simaqiao', which is not Chinese")
        .hasMessageContaining("department 'dept-x' has no name");
  }

  @Test
  void rejectsBadCodesLevelsAndKinds() {
    String json =
        root(
            unit("jn-JLD", "九里堤街道", "STREET", "")
                + ","
                + unit("smq", "驷马桥街道", "STREET", "")
                + ","
                + unit("jn-fq", "抚琴街道", "TOWN", ""),
            "{'code':'river','name':'河长办','kind':'OFFICE'},{'code':'dept-y','name':'某局','kind':''}");
    assertThatThrownBy(() -> load(json))
        .hasMessageContaining("unit 'jn-JLD': the code must be lower-case")
        .hasMessageContaining("unit 'smq': the code must start with its parent's code 'jn-'")
        .hasMessageContaining("unit 'jn-fq' has unknown level 'TOWN'")
        .hasMessageContaining("department 'river': the code must start with 'dept-'")
        .hasMessageContaining("department 'dept-y' has no kind");
  }

  @Test
  void rejectsARootThatIsNotADistrict() {
    String json = "{'code':'jn','name':'金牛区','level':'STREET','children':[],'departments':[]}";
    assertThatThrownBy(() -> load(json))
        .hasMessageContaining("unit 'jn' is the root and must have level DISTRICT");
  }

  @Test
  void rejectsUnknownFieldsAndBrokenJson() {
    assertThatThrownBy(
            () ->
                load("{'code':'jn','name':'金牛区','level':'DISTRICT','children':[],'colour':'red'}"))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> load("{'code':'jn',"))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("test.json");
  }

  @Test
  void theShippedJinniuDataIsValid() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/organisation/jinniu.json")) {
      Organisation org = OrganisationLoader.load(in, "jinniu.json");
      assertThat(org.unitsAt(UnitLevel.STREET)).hasSize(13);
      assertThat(org.unitsAt(UnitLevel.COMMUNITY)).hasSize(36);
      assertThat(org.unitsAt(UnitLevel.COURTYARD)).hasSize(5);
    }
  }
}
