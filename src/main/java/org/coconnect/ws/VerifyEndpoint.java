package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.ws.generated.messages.VerifyCoRequestType;
import org.w3c.dom.Element;

/**
 * The verify-co lookup (Annex III, A.53-A.54) for partner customs, behind the same transport checks
 * and WS-Security policy as the pushed messages: the signer must be the partner the transport
 * authenticated and the header must name it and us. Answered at once with the CO's data and status,
 * or NOT_FOUND, which reads the same for an unknown number and a wrong reference code.
 */
@WebServiceProvider(serviceName = "CoConnectService", targetNamespace = Contract.WSDL_NAMESPACE,
        portName = VerifyEndpoint.PATH, wsdlLocation = Contract.WSDL_RESOURCE)
@ServiceMode(Service.Mode.PAYLOAD)
public final class VerifyEndpoint implements Provider<DOMSource> {

    /** The port name, address path and element name of the lookup. */
    public static final String PATH = "verify-co";
    public static final String SOAP_ACTION = "urn:coconnect:" + PATH;
    public static final QName PORT = new QName(Contract.WSDL_NAMESPACE, PATH);
    public static final QName REQUEST = new QName(Contract.MESSAGES_NAMESPACE, PATH);
    public static final QName RESPONSE = new QName(Contract.MESSAGES_NAMESPACE, PATH + "-response");

    private final SecurityProfile profile;
    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final VerifyCertificate verify;
    private final Clock clock;

    public VerifyEndpoint(SecurityProfile profile, AdministrationId self, PartnerDirectory partners,
                          VerifyCertificate verify, Clock clock) {
        this.profile = profile;
        this.self = self;
        this.partners = partners;
        this.verify = verify;
        this.clock = clock;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Partner partner = GatewayEndpoint.identifyPartner(message, partners);
        GatewayEndpoint.requireProfile(profile, partner);
        VerifyCoRequestType lookup = read(RequestRoot.require(request, REQUEST, PATH));
        MessageHeader header = InboundMapper.header(lookup.getMessageHeader());
        if (!header.receiver().equals(self)) {
            throw new GatewayFault(ErrorCode.RECEIVER_NOT_US, "verify-co addressed to " + header.receiver());
        }
        if (!header.sender().equals(partner.administration())) {
            throw new GatewayFault(ErrorCode.SENDER_NOT_SIGNER, "verify-co from " + header.sender() + " signed by "
                    + partner.id());
        }
        var found = verify.verify(VerifyCertificate.Requester.partner(partner.id()), lookup.getIssuingCountryCode().value(),
                lookup.getCertificateNumber(), lookup.getReferenceCode());
        var answerHeader = new MessageHeader(UUID.randomUUID(), self, partner.administration(), clock.instant(),
                header.messageId(), MessageHeader.SCHEMA_VERSION);
        return GatewayEndpoint.toSource(RESPONSE, VerificationMapper.response(answerHeader, found));
    }

    /** Schema-valid or refused with CC-2001 naming the first problems (in the log; the partner sees the code). */
    private static VerifyCoRequestType read(Element payload) {
        XmlLimits.check(payload);
        List<Problem> problems = PayloadValidator.validate(payload);
        if (!problems.isEmpty()) {
            throw new GatewayFault(ErrorCode.SCHEMA_INVALID, problems.get(0).text() + " at " + problems.get(0).location());
        }
        try {
            return Contract.jaxb().createUnmarshaller().unmarshal(payload, VerifyCoRequestType.class).getValue();
        } catch (JAXBException e) {
            throw new GatewayFault(ErrorCode.SCHEMA_INVALID, "verify-co cannot be read: " + e.getMessage());
        }
    }
}
