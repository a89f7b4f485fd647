package id.kriyanusa.brand;

/** Legal form of a brand. */
public enum BrandLegalForm {

    KOPERASI, IKM, UMKM, KELOMPOK_PENGRAJIN, BUMDES, CV, PERORANGAN

}
