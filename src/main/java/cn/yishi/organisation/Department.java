package cn.yishi.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A functional department (职能部门) beside the unit tree, summoned by a level ("吹哨报到").
 *
 * @param code e.g. {@code dept-river}
 * @param name Chinese name, e.g. 金牛区河长制办公室
 * @param kind e.g. {@code DISTRICT_BUREAU}, {@code DISTRICT_OFFICE}, {@code CITY_OFFICE}, {@code
 *     STREET_OFFICE}, {@code POLICE}, {@code FIRE_RESCUE}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"code", "name", "kind"})
public record Department(String code, String name, String kind) {}
