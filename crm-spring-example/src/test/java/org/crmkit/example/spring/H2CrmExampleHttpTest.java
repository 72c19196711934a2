package org.crmkit.example.spring;

import org.springframework.boot.test.context.SpringBootTest;

/** The example application on its default database, H2 in memory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2CrmExampleHttpTest extends CrmExampleHttpContract {}
