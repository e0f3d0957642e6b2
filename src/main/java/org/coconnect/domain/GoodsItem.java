package org.coconnect.domain;

import java.util.List;

/** The part of a goods item that business rules look at. */
public record GoodsItem(int sequenceNumber, List<String> hsCodes, String originCountry, String originCriterion) {
}
