package io.shequ.simulator;

import java.util.List;

/**
 * Spellings the pipeline has never been shown, given by the caller (a test keeps them in its own
 * resources, which staging never reads) for the mess kinds that write them: {@link MessKind#NOVEL_HEADERS}
 * and {@link MessKind#NOVEL_CATEGORIES}. Empty lists turn those kinds into no-ops.
 *
 * @param settledVerbs      verbs an office may write for "settled" in the three matters columns (办结, 完成 ...)
 * @param unitSuffixes      what an office may append to such a header: a unit in brackets of either width, a unit word
 * @param unknownHeaders    headers that name no contract field (联系电话, 填报人 ...): a column no field reads
 * @param serviceCategories service categories outside the taxonomy (心理健康服务 ...): counted under {@code other}
 */
public record Novelties(
        List<String> settledVerbs,
        List<String> unitSuffixes,
        List<String> unknownHeaders,
        List<String> serviceCategories) {

    public static final Novelties NONE = new Novelties(List.of(), List.of(), List.of(), List.of());

    public Novelties {
        settledVerbs = List.copyOf(settledVerbs);
        unitSuffixes = List.copyOf(unitSuffixes);
        unknownHeaders = List.copyOf(unknownHeaders);
        serviceCategories = List.copyOf(serviceCategories);
    }
}
