package id.kriyanusa.insights;

import java.time.YearMonth;

/**
 * What happened in one month (in NTB time): products published and brands verified, each
 * time it happened (a product published again after archiving counts again).
 */
public record MonthOutcome(YearMonth month, int productsPublished, int brandsVerified) {
}
