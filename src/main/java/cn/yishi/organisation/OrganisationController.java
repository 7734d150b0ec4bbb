package cn.yishi.organisation;

import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/organisation}: public, the tree exactly as in the data file. */
@RestController
public class OrganisationController {

  private final OrganisationService organisation;

  public OrganisationController(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping(value = "/api/organisation", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<OrganisationTree> organisation() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
        .body(organisation.tree());
  }
}
