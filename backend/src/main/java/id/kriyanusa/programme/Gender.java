package id.kriyanusa.programme;

/** A participant's gender as they gave it (perempuan, laki-laki). */
public enum Gender {

    FEMALE, MALE

}
