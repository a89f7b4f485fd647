package id.kriyanusa.engagement;

/**
 * What a buyer counts an inquiry's quantity in, as village crafts are ordered: by the
 * piece, the pair or the set, cloth by the sheet or the metre, and wholesale by the dozen
 * (lusin, 12 pieces) and the kodi (20 pieces).
 */
public enum QuantityUnit {

    PIECE, PAIR, SET, SHEET, DOZEN, KODI, METRE, KILOGRAM, PACK, ROLL

}
