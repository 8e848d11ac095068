package cn.cabr.carbon.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/** Encrypts the ID-card number on its way into the table and decrypts it on the way out. */
@Component
@Converter
class IdNumberConverter implements AttributeConverter<String, String> {

    private final PiiProtector protector;

    IdNumberConverter(PiiProtector protector) {
        this.protector = protector;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null ? null : protector.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : protector.decrypt(stored);
    }
}
